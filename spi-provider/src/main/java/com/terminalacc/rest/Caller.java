package com.terminalacc.rest;

import java.util.function.Supplier;

import com.terminalacc.audit.Audit;
import com.terminalacc.auth.Actor;

/**
 * How a shared sub-resource learns who calls it: the customer API has one actor for reading and writing; the staff
 * API checks Keycloak's view or manage permission (or the staff role) per method.
 */
public interface Caller {

    /** The actor for a reading request, after its authorization check. */
    Actor read();

    /** The actor for a changing request, after its authorization check. */
    Actor write();

    Audit audit();

    static Caller of(Supplier<Actor> read, Supplier<Actor> write, Audit audit) {
        return new Caller() {
            @Override
            public Actor read() {
                return read.get();
            }

            @Override
            public Actor write() {
                return write.get();
            }

            @Override
            public Audit audit() {
                return audit;
            }
        };
    }
}
