package com.terminalacc.cloud;

/** S-CLD-2: Cloud-Admin or Cloud-Member. */
public enum MemberType {
    ADMIN,
    MEMBER
}
