package com.terminalacc.auth;

import com.terminalacc.cloud.MemberType;

/**
 * A cloud as authorization sees it: its account and the actor's relation to it.
 *
 * @param membership      the actor's own membership type, {@code null} when it is no member
 * @param write           the membership's write flag
 * @param order           the membership's order flag
 * @param partnerShare    the share of this cloud with the actor's account, when that share is accepted; else null
 */
public record CloudTarget(String cloudId, String accountId, MemberType membership, boolean write, boolean order,
                          Share partnerShare) {

    /** An accepted share of the cloud with a partner account and its ceiling. */
    public record Share(String id, String partnerAccountId, boolean maxWrite, boolean maxOrder) {
    }
}
