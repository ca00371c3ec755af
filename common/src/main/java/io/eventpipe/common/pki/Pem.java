package io.eventpipe.common.pki;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PEM text of certificates (X.509) and private keys (PKCS#8), as openssl reads and writes them. */
public final class Pem {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----");
    private static final int MAX_PEM_CHARS = 64 * 1024;

    private Pem() {
    }

    public static String encode(X509Certificate certificate) {
        try {
            return block("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
    }

    public static String encode(PrivateKey key) {
        return block("PRIVATE KEY", key.getEncoded());
    }

    /** Every certificate in the text, in order; IllegalArgumentException when there is none or one is invalid. */
    public static List<X509Certificate> certificates(String pem) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (byte[] der : blocks(pem, "CERTIFICATE")) {
            try {
                CertificateFactory factory = CertificateFactory.getInstance("X.509");
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            } catch (CertificateException | ClassCastException e) {
                throw new IllegalArgumentException("not an X.509 certificate", e);
            }
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("no certificate in the PEM text");
        }
        return certificates;
    }

    public static X509Certificate certificate(String pem) {
        return certificates(pem).get(0);
    }

    public static PrivateKey privateKey(String pem) {
        List<byte[]> der = blocks(pem, "PRIVATE KEY");
        if (der.size() != 1) {
            throw new IllegalArgumentException("expected one PKCS#8 private key");
        }
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der.get(0)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 private key", e);
        }
    }

    private static List<byte[]> blocks(String pem, String type) {
        if (pem == null || pem.length() > MAX_PEM_CHARS) {
            throw new IllegalArgumentException("PEM text missing or too long");
        }
        List<byte[]> out = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(pem);
        while (matcher.find()) {
            if (matcher.group(1).equals(type)) {
                try {
                    out.add(Base64.getMimeDecoder().decode(matcher.group(2)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("PEM block is not base64", e);
                }
            }
        }
        return out;
    }

    private static String block(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
