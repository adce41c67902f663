package com.terminalacc.contact;

/** Request bodies of the contact endpoints. Absent (null) fields of an update leave the value unchanged. */
public final class ContactRequests {

    private ContactRequests() {
    }

    /** A new contact; {@code supportPermission} defaults to true (S-CON-2). */
    public record ContactInput(String firstName, String lastName, String email, String phone, String jobTitle,
                               String locale, Boolean supportPermission) {
    }

    /** Changes to a contact; an empty string clears an optional field. */
    public record ContactUpdate(String firstName, String lastName, String email, String phone, String jobTitle,
                                String locale, Boolean supportPermission) {
    }
}
