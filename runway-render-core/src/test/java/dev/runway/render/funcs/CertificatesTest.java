package dev.runway.render.funcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.template.TemplateFunction;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** genCA and friends give random certificates: check their shape, as Sprig builds them. */
class CertificatesTest {

    private static final Map<String, TemplateFunction> F = FunctionLibrary.functions();

    private static X509Certificate parse(Object cert) throws Exception {
        String pem = (String) ((Map<?, ?>) cert).get("Cert");
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void caSignsALeafWithSans() throws Exception {
        Object ca = F.get("genCA").call(null, List.of("my-ca", 365));
        X509Certificate caCert = parse(ca);
        assertEquals("CN=my-ca", caCert.getSubjectX500Principal().getName());
        assertTrue(caCert.getBasicConstraints() >= 0, "a CA");
        caCert.verify(caCert.getPublicKey());
        assertTrue(((String) ((Map<?, ?>) ca).get("Key")).startsWith("-----BEGIN RSA PRIVATE KEY-----\n"));

        List<Object> ips = new ArrayList<>(List.of("10.0.0.1"));
        List<Object> dns = new ArrayList<>(List.of("svc.example.com", "svc"));
        Object leaf = F.get("genSignedCert").call(null, List.of("svc", ips, dns, 30, ca));
        X509Certificate leafCert = parse(leaf);
        leafCert.verify(caCert.getPublicKey());
        assertEquals(-1, leafCert.getBasicConstraints());
        assertEquals("CN=my-ca", leafCert.getIssuerX500Principal().getName());
        Collection<List<?>> sans = leafCert.getSubjectAlternativeNames();
        assertEquals(3, sans.size());
        long days = Duration.between(
                        leafCert.getNotBefore().toInstant(),
                        leafCert.getNotAfter().toInstant())
                .toDays();
        assertEquals(30, days);
        assertTrue(leafCert.getExtendedKeyUsage().containsAll(List.of("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2")));
    }

    @Test
    void selfSignedWithAGivenKey() throws Exception {
        String key = (String) F.get("genPrivateKey").call(null, List.of("rsa"));
        Object cert = F.get("genSelfSignedCertWithKey")
                .call(null, List.of("me", new ArrayList<>(), new ArrayList<>(), 1, key));
        assertEquals(key, ((Map<?, ?>) cert).get("Key"));
        X509Certificate c = parse(cert);
        c.verify(c.getPublicKey());
        assertEquals("Unknown type nope", F.get("genPrivateKey").call(null, List.of("nope")));
    }
}
