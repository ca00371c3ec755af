package io.eventpipe.common.pki;

import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/** The parts of an EventPipe certificate's subject: CN (the identity) and OU (the role it was issued for). */
public record SubjectName(String commonName, Optional<CertificateRole> role) {

    public static Optional<SubjectName> of(X509Certificate certificate) {
        String commonName = null;
        CertificateRole role = null;
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    commonName = String.valueOf(rdn.getValue());
                } else if ("OU".equalsIgnoreCase(rdn.getType())) {
                    role = roleOf(String.valueOf(rdn.getValue()));
                }
            }
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
        return commonName == null ? Optional.empty() : Optional.of(new SubjectName(commonName, Optional.ofNullable(role)));
    }

    private static CertificateRole roleOf(String unit) {
        try {
            return CertificateRole.valueOf(unit.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
