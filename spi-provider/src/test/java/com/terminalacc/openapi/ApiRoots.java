package com.terminalacc.openapi;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import com.terminalacc.rest.AppApiResource;
import com.terminalacc.rest.CustomerApiResource;
import com.terminalacc.rest.StaffRootResource;

/**
 * The three APIs as root resources, for the OpenAPI generator only: in Keycloak they hang below Keycloak's own roots
 * (a realm resource provider and an admin realm resource provider), which the scanner cannot see.
 */
final class ApiRoots {

    private ApiRoots() {
    }

    @Path("/realms/{realm}/acc")
    public static class Realm {

        @Path("api")
        public CustomerApiResource customerApi(@PathParam("realm") String realm) {
            return null;
        }

        @Path("app")
        public AppApiResource appApi(@PathParam("realm") String realm) {
            return null;
        }
    }

    @Path("/admin/realms/{realm}")
    public static class Admin {

        @Path("acc")
        public StaffRootResource staffApi(@PathParam("realm") String realm) {
            return null;
        }
    }
}
