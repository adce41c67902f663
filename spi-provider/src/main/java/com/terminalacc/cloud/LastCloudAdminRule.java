package com.terminalacc.cloud;

import java.util.List;

import jakarta.persistence.EntityManager;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import com.terminalacc.common.ErrorCode;
import com.terminalacc.common.Persistence;
import com.terminalacc.common.TerminalException;

/**
 * S-CLD-3: every cloud has at least one Cloud-Admin at all times. Checked under the lock of the cloud's account (the
 * same lock every membership change and every loss of a login takes), so it holds under concurrent requests and across
 * cluster nodes.
 */
public class LastCloudAdminRule {

    private final EntityManager em;
    private final MembershipStore members;

    public LastCloudAdminRule(KeycloakSession session, RealmModel realm) {
        this.em = Persistence.em(session);
        this.members = new MembershipStore(session, realm);
    }

    /** Before a Cloud-Admin of the cloud is demoted or removed: another one must remain. */
    public void requireAnotherAdmin(String cloudId) {
        if (members.countAdmins(cloudId) <= 1) {
            throw new TerminalException(ErrorCode.LAST_CLOUD_ADMIN);
        }
    }

    /** Before a user loses its login: it must not be the only Cloud-Admin of any cloud (naming them). */
    public void requireNotSoleAdmin(String userId) {
        List<String> sole = em.createQuery("select c.name from CloudEntity c, CloudMemberEntity m where m.cloudId = c.id and m.userId = :user"
                        + " and m.type = :admin and (select count(o) from CloudMemberEntity o where o.cloudId = c.id and o.type = :admin) = 1"
                        + " order by c.nameKey", String.class)
                .setParameter("user", userId).setParameter("admin", MemberType.ADMIN).getResultList();
        if (!sole.isEmpty()) {
            throw new TerminalException(ErrorCode.LAST_CLOUD_ADMIN_OF, String.join(", ", sole));
        }
    }
}
