package io.eventpipe.common.pki;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * PKCS#12 key and trust stores for Java TLS (the Kafka clients and broker), written from
 * EventPipe's PEM credentials. Java's PKCS#12 holds Ed25519 keys; PEM stores in Kafka do not.
 */
public final class KeyStores {

    private KeyStores() {
    }

    /** A key store with the credentials' key and chain [certificate, issuers...]. */
    public static void writeKeyStore(Path file, char[] password, Credentials credentials, List<X509Certificate> issuers) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            Certificate[] chain = new Certificate[issuers.size() + 1];
            chain[0] = credentials.certificate();
            for (int i = 0; i < issuers.size(); i++) {
                chain[i + 1] = issuers.get(i);
            }
            store.setKeyEntry("key", credentials.privateKey(), password, chain);
            save(store, file, password);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot write key store " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The key and certificate of one entry of a PKCS#12 key store (the alias, or its only key entry
     * when alias is null), as operators provide a root of trust.
     */
    public static Credentials readKeyStore(Path file, char[] password, String alias) {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            String entry = alias;
            if (entry == null) {
                List<String> keys = java.util.Collections.list(store.aliases()).stream().filter(a -> isKey(store, a)).toList();
                if (keys.size() != 1) {
                    throw new IllegalStateException(file + " holds " + keys.size() + " key entries; name the alias");
                }
                entry = keys.get(0);
            }
            java.security.Key key = store.getKey(entry, password);
            Certificate certificate = store.getCertificate(entry);
            if (!(key instanceof java.security.PrivateKey privateKey) || !(certificate instanceof X509Certificate x509)) {
                throw new IllegalStateException(file + " has no key entry " + entry);
            }
            return new Credentials(x509, privateKey);
        } catch (GeneralSecurityException | IOException e) {
            // the message never carries the password
            throw new IllegalStateException("cannot read key store " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (java.security.KeyStoreException e) {
            return false;
        }
    }

    /** A trust store with the given CA certificates. */
    public static void writeTrustStore(Path file, char[] password, List<X509Certificate> trusted) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < trusted.size(); i++) {
                store.setCertificateEntry("ca-" + i, trusted.get(i));
            }
            save(store, file, password);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot write trust store " + file + ": " + e.getMessage(), e);
        }
    }

    private static void save(KeyStore store, Path file, char[] password) throws IOException, GeneralSecurityException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        io.eventpipe.common.config.Secrets.restrictToOwner(file);
    }
}
