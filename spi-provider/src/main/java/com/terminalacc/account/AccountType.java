package com.terminalacc.account;

/** S-ACC-1: the kind of customer account. Only BUSINESS accounts have more than one contact (S-ACC-2). */
public enum AccountType {
    PERSONAL,
    BUSINESS
}
