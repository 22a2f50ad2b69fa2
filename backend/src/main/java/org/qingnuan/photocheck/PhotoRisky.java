package org.qingnuan.photocheck;

/**
 * WeChat called a photo risky: it is hidden from everyone but staff, and staff of {@code orgId} are told. Published
 * once per photo, in the transaction that records the verdict.
 */
public record PhotoRisky(long checkId, PhotoCheck.Owner owner, long ownerId, long orgId) {
}
