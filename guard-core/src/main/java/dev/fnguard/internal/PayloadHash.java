package dev.fnguard.internal;

import dev.fnguard.EventRecord;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** SHA-256 over payload bytes, for audit events: identifies a payload without revealing it. */
public final class PayloadHash {

    private static final MessageDigest PROTOTYPE = prototype();

    private PayloadHash() {
    }

    /**
     * Hex SHA-256 over the bodies of the records, in order.
     *
     * @param records the records
     * @return 64 hex characters
     */
    public static String sha256(List<EventRecord> records) {
        MessageDigest md = fresh();
        for (EventRecord r : records) {
            md.update(r.body());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * Hex SHA-256 of bytes.
     *
     * @param bytes the bytes
     * @return 64 hex characters
     */
    public static String sha256(byte[] bytes) {
        MessageDigest md = fresh();
        md.update(bytes);
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest fresh() {
        try {
            return (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException impossible) {
                throw new IllegalStateException("SHA-256 is required of every JDK", impossible);
            }
        }
    }

    private static MessageDigest prototype() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
