package app.outlay.cli.api;

/** What sharing a ledger did: the member as they are now, and whether they were added (else their role was set). */
public record MemberChange(Member member, boolean added) {}
