package com.terminalacc.rest;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The routes {@link RouteContract} checks requests against are exactly the routes the resources declare. */
class RouteContractTest {

    @Test
    void theContractKnowsEveryDeclaredApiRoute() {
        Set<String> declared = RouteTableTest.declaredRoutes();
        Set<String> contract = new TreeSet<>();
        RouteContract.CUSTOMER.routes().forEach(r -> contract.add(r.replaceFirst(" ", " /realms/{realm}/acc/api")));
        RouteContract.APP.routes().forEach(r -> contract.add(r.replaceFirst(" ", " /realms/{realm}/acc/app")));
        RouteContract.STAFF.routes().forEach(r -> contract.add(r.replaceFirst(" ", " /admin/realms/{realm}/acc")));
        Set<String> apis = new TreeSet<>();
        declared.stream().filter(r -> r.contains("/acc/api/") || r.contains("/acc/app/") || r.contains("/admin/")).forEach(apis::add);
        assertTrue(apis.size() > 60, apis.toString());
        assertEquals(apis, contract);
    }
}
