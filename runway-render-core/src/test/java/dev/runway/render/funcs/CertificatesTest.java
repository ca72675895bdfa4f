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

    @Test
    void subjectKeyIdIsSha256OfTheKeyCutTo20BytesAsGo125MakesIt() throws Exception {
        X509Certificate ca = parse(F.get("genCA").call(null, List.of("my-ca", 365)));
        byte[] spki = ca.getPublicKey().getEncoded();
        // SubjectPublicKeyInfo of RSA 2048: 24 bytes of header and algorithm, then the bit string's unused-bits byte.
        byte[] bits = java.util.Arrays.copyOfRange(spki, 24, spki.length);
        byte[] expected = java.util.Arrays.copyOf(
                java.security.MessageDigest.getInstance("SHA-256").digest(bits), 20);
        byte[] ext = ca.getExtensionValue("2.5.29.14"); // OCTET STRING { OCTET STRING keyId }
        assertEquals(
                java.util.HexFormat.of().formatHex(expected),
                java.util.HexFormat.of().formatHex(java.util.Arrays.copyOfRange(ext, 4, ext.length)));

        Object leaf = F.get("genSignedCert")
                .call(
                        null,
                        List.of(
                                "svc",
                                new ArrayList<>(),
                                new ArrayList<>(List.of("svc")),
                                30,
                                F.get("genCA").call(null, List.of("my-ca", 365))));
        assertTrue(parse(leaf).getExtensionValue("2.5.29.35") != null, "an authority key id from the CA's");
    }

    @Test
    void aCutShortCaCertificateIsAnErrorOfTheFunction() throws Exception {
        Map<?, ?> ca = (Map<?, ?>) F.get("genCA").call(null, List.of("", 365));
        String pem = (String) ca.get("Cert");
        String cut = pem.substring(0, 120) + "\n-----END CERTIFICATE-----\n";
        Map<String, Object> broken = new java.util.LinkedHashMap<>();
        broken.put("Cert", cut);
        broken.put("Key", ca.get("Key"));
        org.junit.jupiter.api.Assertions.assertThrows(
                dev.runway.render.template.TemplateFunctionException.class,
                () -> F.get("genSignedCert")
                        .call(null, List.of("svc", new ArrayList<>(), new ArrayList<>(), 30, broken)));
        // The whole one is read although Java's own parser refuses its empty issuer.
        Object leaf = F.get("genSignedCert").call(null, List.of("svc", new ArrayList<>(), new ArrayList<>(), 30, ca));
        assertTrue(((String) ((Map<?, ?>) leaf).get("Cert")).startsWith("-----BEGIN CERTIFICATE-----\n"));
    }

    @Test
    void anEcKeyWithoutItsPublicPointGetsItDerivedAndAScalarOutsideTheOrderIsRefused() throws Exception {
        String full = (String) F.get("genPrivateKey").call(null, List.of("ecdsa"));
        byte[] der = java.util.Base64.getMimeDecoder()
                .decode(full.replace("-----BEGIN EC PRIVATE KEY-----", "").replace("-----END EC PRIVATE KEY-----", ""));
        // SEC 1 of P-256: version, the 32-byte scalar and the curve, without [1] (OpenSSL's -no_public).
        byte[] head = {0x30, 0x31};
        byte[] stripped = concat(head, java.util.Arrays.copyOfRange(der, 2, 2 + 3 + 34 + 12));
        Object cert = F.get("genSelfSignedCertWithKey")
                .call(null, List.of("me", new ArrayList<>(), new ArrayList<>(), 1, ecPem(stripped)));
        assertEquals(full, ((Map<?, ?>) cert).get("Key"));
        parse(cert).verify(parse(cert).getPublicKey());

        for (byte fill : new byte[] {0, (byte) 0xff}) {
            byte[] outside = stripped.clone();
            java.util.Arrays.fill(outside, 7, 7 + 32, fill);
            org.junit.jupiter.api.Assertions.assertThrows(
                    dev.runway.render.template.TemplateFunctionException.class,
                    () -> F.get("genCAWithKey").call(null, List.of("ca", 1, ecPem(outside))));
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String ecPem(byte[] der) {
        return "-----BEGIN EC PRIVATE KEY-----\n"
                + java.util.Base64.getEncoder().encodeToString(der) + "\n-----END EC PRIVATE KEY-----\n";
    }

    @Test
    void addressesAreReadAsGoReadsThemWithoutAskingTheDns() {
        assertEquals("01020304", hex(Certificates.goIp("1.2.3.4")));
        assertEquals("01020304", hex(Certificates.goIp("::ffff:1.2.3.4")));
        assertEquals("00000000000000000000000001020304", hex(Certificates.goIp("::1.2.3.4")));
        assertEquals("00010000000000000000000000000002", hex(Certificates.goIp("1::2")));
        for (String refused : List.of(
                "01.2.3.4",
                "1.2.3",
                "1.2.3.4.5",
                "256.1.1.1",
                "example.com",
                "1::2::3",
                "::1%eth0",
                "1:2:3:4:5:6:7:8::",
                "12345::",
                ":",
                "1:",
                "::01.2.3.4",
                "1.2.3.4:5")) {
            assertEquals(null, Certificates.goIp(refused), refused);
        }
        // One pass over the text: a long hostile one is refused at once.
        long start = System.nanoTime();
        assertEquals(null, Certificates.goIp(":".repeat(200_000)));
        assertEquals(null, Certificates.goIp("1.".repeat(200_000)));
        assertTrue(System.nanoTime() - start < 2_000_000_000L);
    }

    private static String hex(byte[] b) {
        return b == null ? null : java.util.HexFormat.of().formatHex(b);
    }
}
