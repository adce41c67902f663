package com.terminalacc.role;

/**
 * S-MOD-1: module permissions are client roles of the client {@value #CLIENT_ID}; a module is a role {@code name},
 * its extra rights are roles {@code name:right}. The catalogue is therefore configuration (the realm import, or the
 * admin console), and granted permissions appear in {@code resource_access} of tokens.
 */
public final class ModuleCatalog {

    public static final String CLIENT_ID = "terminal-modules";

    private ModuleCatalog() {
    }
}
