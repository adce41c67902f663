package com.terminalacc.cloud;

/** S-CLD-9: a share waits for the partner, is accepted, or was declined. Ending a share deletes it. */
public enum ShareStatus {
    PENDING,
    ACCEPTED,
    DECLINED
}
