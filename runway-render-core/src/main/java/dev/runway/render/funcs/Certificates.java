package dev.runway.render.funcs;

import dev.runway.render.template.TemplateFunction;
import dev.runway.render.template.TemplateFunctionException;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sprig's certificate functions (genCA, genSelfSignedCert, genSignedCert and their WithKey forms, genPrivateKey,
 * buildCustomCert) with RSA, ECDSA (P-256, P-384, P-521) and Ed25519 keys (not DSA), shaped like Go's
 * x509.CreateCertificate output. Results
 * are random, so only their shape can be compared with Helm. A certificate is a map with {@code Cert} and {@code Key}.
 */
final class Certificates {
    /** Markers of encoding/pem: a block starts with "-----BEGIN TYPE-----" and ends at "-----END TYPE-----". */
    private static final String PEM_BEGIN = "-----BEGIN ";

    private static final String PEM_DASHES = "-----";

    /** The curves Go's x509 reads and writes: name, OID, and the signature Go signs with (Java's name, OID). */
    private static final String[][] CURVES = {
        {"secp256r1", "1.2.840.10045.3.1.7", "SHA256withECDSA", "1.2.840.10045.4.3.2"},
        {"secp384r1", "1.3.132.0.34", "SHA384withECDSA", "1.2.840.10045.4.3.3"},
        {"secp521r1", "1.3.132.0.35", "SHA512withECDSA", "1.2.840.10045.4.3.4"},
    };

    private static final String OID_RSA = "1.2.840.113549.1.1.1";
    private static final String OID_EC = "1.2.840.10045.2.1";
    private static final String OID_ED25519 = "1.3.101.112";

    private Certificates() {}

    /** This theme's function {@code name}, created for a function map's first lookup of the name, or null. */
    static TemplateFunction lookup(String name) {
        return switch (name) {
            case "genPrivateKey" ->
                (c, a) -> {
                    Args.count("genPrivateKey", a, 1);
                    String type = Args.string(a, 0);
                    try {
                        return switch (type) {
                            case "", "rsa" -> privatePem(rsa(4096));
                            // Sprig: ecdsa.GenerateKey(elliptic.P256()), ed25519.GenerateKey.
                            case "ecdsa" -> privatePem(generate("EC", new ECGenParameterSpec("secp256r1")));
                            case "ed25519" -> privatePem(generate("Ed25519", NamedParameterSpec.ED25519));
                            case "dsa" -> "failed to generate private key: dsa keys are not supported by this renderer";
                            default -> "Unknown type " + type;
                        };
                    } catch (GeneralSecurityException e) {
                        return "failed to generate private key: " + e.getMessage();
                    }
                };
            case "genCA" ->
                (c, a) -> {
                    Args.count("genCA", a, 2);
                    return ca(Args.string(a, 0), Args.integer(a, 1), null);
                };
            case "genCAWithKey" ->
                (c, a) -> {
                    Args.count("genCAWithKey", a, 3);
                    return ca(Args.string(a, 0), Args.integer(a, 1), parseKey(Args.string(a, 2)));
                };
            case "genSelfSignedCert" ->
                (c, a) -> {
                    Args.count("genSelfSignedCert", a, 4);
                    return selfSigned(Args.string(a, 0), Args.list(a, 1), Args.list(a, 2), Args.integer(a, 3), null);
                };
            case "genSelfSignedCertWithKey" ->
                (c, a) -> {
                    Args.count("genSelfSignedCertWithKey", a, 5);
                    return selfSigned(
                            Args.string(a, 0),
                            Args.list(a, 1),
                            Args.list(a, 2),
                            Args.integer(a, 3),
                            parseKey(Args.string(a, 4)));
                };
            case "genSignedCert" ->
                (c, a) -> {
                    Args.count("genSignedCert", a, 5);
                    return signed(
                            Args.string(a, 0), Args.list(a, 1), Args.list(a, 2), Args.integer(a, 3), a.get(4), null);
                };
            case "genSignedCertWithKey" ->
                (c, a) -> {
                    Args.count("genSignedCertWithKey", a, 6);
                    return signed(
                            Args.string(a, 0),
                            Args.list(a, 1),
                            Args.list(a, 2),
                            Args.integer(a, 3),
                            a.get(4),
                            parseKey(Args.string(a, 5)));
                };
            case "buildCustomCert" ->
                (c, a) -> {
                    Args.count("buildCustomCert", a, 2);
                    String cert;
                    String key;
                    try {
                        cert = new String(Base64.getDecoder().decode(Args.string(a, 0)), StandardCharsets.UTF_8);
                    } catch (IllegalArgumentException e) {
                        throw new TemplateFunctionException("unable to decode base64 certificate");
                    }
                    try {
                        key = new String(Base64.getDecoder().decode(Args.string(a, 1)), StandardCharsets.UTF_8);
                    } catch (IllegalArgumentException e) {
                        throw new TemplateFunctionException("unable to decode base64 private key");
                    }
                    if (!cert.contains("-----BEGIN CERTIFICATE-----")) {
                        throw new TemplateFunctionException("unable to decode certificate");
                    }
                    parseKey(key);
                    return certificate(cert, key);
                };
            default -> null;
        };
    }

    private static Map<String, Object> certificate(String cert, String key) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Cert", cert);
        m.put("Key", key);
        return m;
    }

    private static KeyPair rsa(int bits) throws GeneralSecurityException {
        return RsaKeyGenerator.generate(bits, SharedRandom.get());
    }

    private static KeyPair generate(String algorithm, java.security.spec.AlgorithmParameterSpec spec)
            throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        generator.initialize(spec, SharedRandom.get());
        return generator.generateKeyPair();
    }

    /**
     * Sprig's parsePrivateKeyPEM: RSA (PKCS#1), EC (SEC 1) or PKCS#8 (RSA, EC or Ed25519), as the first PEM block
     * says.
     */
    private static KeyPair parseKey(String pemText) throws TemplateFunctionException {
        int begin = pemText.indexOf(PEM_BEGIN);
        int typeEnd = begin < 0 ? -1 : pemText.indexOf(PEM_DASHES, begin + PEM_BEGIN.length());
        if (typeEnd < 0) {
            throw new TemplateFunctionException("parsing private key: no PEM data in input");
        }
        String type = pemText.substring(begin + PEM_BEGIN.length(), typeEnd);
        try {
            byte[] der = pemBody(pemText, typeEnd + PEM_DASHES.length());
            return switch (type) {
                case "RSA PRIVATE KEY" -> rsaKey(wrapPkcs1(der));
                case "EC PRIVATE KEY" -> ecKey(der, null);
                case "PRIVATE KEY" -> pkcs8Key(der);
                default -> throw new GeneralSecurityException(type);
            };
        } catch (GeneralSecurityException
                | IllegalArgumentException
                | ClassCastException
                | IndexOutOfBoundsException e) {
            throw new TemplateFunctionException(
                    "parsing private key: only RSA, ECDSA and Ed25519 keys are supported by this renderer");
        }
    }

    private static KeyPair rsaKey(byte[] pkcs8) throws GeneralSecurityException {
        PrivateKey priv = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        RSAPrivateCrtKey crt = (RSAPrivateCrtKey) priv;
        PublicKey pub = KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        return new KeyPair(pub, priv);
    }

    /** PrivateKeyInfo: the algorithm's OID says which key its OCTET STRING holds. */
    private static KeyPair pkcs8Key(byte[] der) throws GeneralSecurityException {
        int[] p = {0};
        readHeader(der, p); // PrivateKeyInfo
        skipFields(der, p, 1); // version
        int algLen = readHeader(der, p); // AlgorithmIdentifier
        int algEnd = checkedEnd(der, p[0], algLen);
        int oidStart = p[0];
        skipFields(der, p, 1);
        byte[] algorithm = java.util.Arrays.copyOfRange(der, oidStart, p[0]);
        byte[] parameters = java.util.Arrays.copyOfRange(der, p[0], algEnd);
        p[0] = algEnd;
        int keyLen = readHeader(der, p);
        byte[] key = java.util.Arrays.copyOfRange(der, p[0], checkedEnd(der, p[0], keyLen));
        if (java.util.Arrays.equals(algorithm, oid(OID_RSA))) {
            return rsaKey(der);
        }
        if (java.util.Arrays.equals(algorithm, oid(OID_EC))) {
            return ecKey(key, parameters);
        }
        if (java.util.Arrays.equals(algorithm, oid(OID_ED25519)) && key.length == 34 && key[0] == 0x04) {
            byte[] seed = java.util.Arrays.copyOfRange(key, 2, 34);
            // Java has no call that derives an Ed25519 public key from a seed; its generator does, fed the seed.
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
                private static final long serialVersionUID = 1L;

                @Override
                public void nextBytes(byte[] bytes) {
                    System.arraycopy(seed, 0, bytes, 0, Math.min(bytes.length, seed.length));
                }
            });
            return generator.generateKeyPair();
        }
        throw new GeneralSecurityException("unsupported PKCS#8 key");
    }

    /**
     * SEC 1 ECPrivateKey (version, key, [0] curve, [1] public point); the curve comes from PKCS#8's parameters
     * where [0] is left out. Like Go's x509.ParseECPrivateKey, the public point is derived from the key, whether [1]
     * is there (OpenSSL's -no_public leaves it out) or not.
     */
    private static KeyPair ecKey(byte[] der, byte[] curveFromPkcs8) throws GeneralSecurityException {
        int[] p = {0};
        int seqLen = readHeader(der, p);
        int seqEnd = checkedEnd(der, p[0], seqLen);
        skipFields(der, p, 1); // version
        int dLen = readHeader(der, p);
        BigInteger d = new BigInteger(1, java.util.Arrays.copyOfRange(der, p[0], checkedEnd(der, p[0], dLen)));
        p[0] += dLen;
        byte[] curve = null;
        while (p[0] < seqEnd) {
            int tag = der[p[0]] & 0xff;
            int len = readHeader(der, p);
            int fieldEnd = checkedEnd(der, p[0], len);
            if (tag == 0xa0) {
                curve = java.util.Arrays.copyOfRange(der, p[0], fieldEnd);
            }
            p[0] = fieldEnd;
        }
        // Go prefers PKCS#8's curve whenever its parameters hold an OID, and reads [0] only when they do not.
        if (curveFromPkcs8 != null && curveFromPkcs8.length > 0 && curveFromPkcs8[0] == 0x06) {
            curve = curveFromPkcs8;
        }
        String name = curve == null ? null : curveName(curve);
        if (name == null) {
            throw new GeneralSecurityException("unsupported EC key");
        }
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec(name));
        ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
        ECPoint w = EcPublicPoint.of(d, spec);
        KeyFactory factory = KeyFactory.getInstance("EC");
        return new KeyPair(
                factory.generatePublic(new ECPublicKeySpec(w, spec)),
                factory.generatePrivate(new ECPrivateKeySpec(d, spec)));
    }

    private static String curveName(byte[] encodedOid) {
        for (String[] curve : CURVES) {
            if (java.util.Arrays.equals(encodedOid, oid(curve[1]))) {
                return curve[0];
            }
        }
        return null;
    }

    /** The curve row of an EC key, by the size of its order (P-256, P-384, P-521). */
    private static String[] curveOf(ECKey key) throws GeneralSecurityException {
        int bits = key.getParams().getOrder().bitLength();
        for (String[] curve : CURVES) {
            if (curve[0].equals("secp" + bits + "r1")) {
                return curve;
            }
        }
        throw new GeneralSecurityException("unsupported curve of " + bits + " bits");
    }

    /** Sprig's pemBlockForKey: PKCS#1 for RSA, SEC 1 for EC, PKCS#8 for Ed25519. */
    private static String privatePem(KeyPair k) throws GeneralSecurityException {
        if (k.getPrivate() instanceof ECPrivateKey ec) {
            return pem("EC PRIVATE KEY", sec1(ec, (ECPublicKey) k.getPublic()));
        }
        if (k.getPrivate() instanceof EdECPrivateKey ed) {
            byte[] seed = ed.getBytes().orElseThrow(() -> new GeneralSecurityException("no Ed25519 seed"));
            return pem("PRIVATE KEY", seq(integer(BigInteger.ZERO), seq(oid(OID_ED25519)), tlv(0x04, tlv(0x04, seed))));
        }
        return pem("RSA PRIVATE KEY", pkcs1(k.getPrivate()));
    }

    /** Go's x509.MarshalECPrivateKey: version 1, the key padded to the order's size, the curve, the public point. */
    private static byte[] sec1(ECPrivateKey key, ECPublicKey pub) throws GeneralSecurityException {
        String[] curve = curveOf(key);
        int size = (key.getParams().getOrder().bitLength() + 7) / 8;
        int coordinate = (key.getParams().getCurve().getField().getFieldSize() + 7) / 8;
        byte[] point = concat(
                new byte[] {0x04},
                fixed(pub.getW().getAffineX(), coordinate),
                fixed(pub.getW().getAffineY(), coordinate));
        return seq(
                integer(BigInteger.ONE),
                tlv(0x04, fixed(key.getS(), size)),
                tlv(0xa0, oid(curve[1])),
                tlv(0xa1, bitString(point, 0)));
    }

    /** big.Int.FillBytes: the unsigned value, left-padded with zeros to {@code size} bytes. */
    private static byte[] fixed(BigInteger value, int size) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[size];
        int copy = Math.min(raw.length, size);
        System.arraycopy(raw, raw.length - copy, out, size - copy, copy);
        return out;
    }

    /** Go's signingParamsForKey: SHA-256 with RSA, the curve's hash with ECDSA, pure Ed25519. */
    private static String signatureName(PrivateKey key) throws GeneralSecurityException {
        if (key instanceof ECPrivateKey ec) {
            return curveOf(ec)[2];
        }
        return key instanceof EdECPrivateKey ? "Ed25519" : "SHA256withRSA";
    }

    /** The AlgorithmIdentifier of {@link #signatureName}: RSA's carries a NULL parameter, the others none. */
    private static byte[] signatureAlgorithm(PrivateKey key) throws GeneralSecurityException {
        if (key instanceof ECPrivateKey ec) {
            return seq(oid(curveOf(ec)[3]));
        }
        return key instanceof EdECPrivateKey
                ? seq(oid(OID_ED25519))
                : seq(oid("1.2.840.113549.1.1.11"), new byte[] {0x05, 0x00});
    }

    private static Map<String, Object> ca(String cn, int days, KeyPair key) throws TemplateFunctionException {
        try {
            KeyPair k = key != null ? key : rsa(2048);
            byte[] ski = subjectKeyId(k.getPublic());
            byte[] der = certificate(
                    cn, List.of(), List.of(), days, true, k.getPublic(), name(cn), k.getPrivate(), ski, null);
            return certificate(pem("CERTIFICATE", der), privatePem(k));
        } catch (GeneralSecurityException e) {
            throw new TemplateFunctionException("error generating rsa key: " + e.getMessage());
        }
    }

    private static Map<String, Object> selfSigned(String cn, List<Object> ips, List<Object> dns, int days, KeyPair key)
            throws TemplateFunctionException {
        try {
            KeyPair k = key != null ? key : rsa(2048);
            byte[] der = certificate(
                    cn, ips(ips), dnsNames(dns), days, false, k.getPublic(), name(cn), k.getPrivate(), null, null);
            return certificate(pem("CERTIFICATE", der), privatePem(k));
        } catch (GeneralSecurityException e) {
            throw new TemplateFunctionException("error generating rsa key: " + e.getMessage());
        }
    }

    private static Map<String, Object> signed(
            String cn, List<Object> ips, List<Object> dns, int days, Object ca, KeyPair key)
            throws TemplateFunctionException {
        if (!(ca instanceof Map<?, ?> caMap)
                || !(caMap.get("Cert") instanceof String caCert)
                || !(caMap.get("Key") instanceof String caKey)) {
            throw Args.wrongType("sprig.certificate", ca);
        }
        try {
            Parent parent = parent(caCert);
            KeyPair signer = parseKey(caKey);
            KeyPair k = key != null ? key : rsa(2048);
            byte[] der = certificate(
                    cn,
                    ips(ips),
                    dnsNames(dns),
                    days,
                    false,
                    k.getPublic(),
                    parent.subject(),
                    signer.getPrivate(),
                    null,
                    parent.keyId());
            return certificate(pem("CERTIFICATE", der), privatePem(k));
        } catch (GeneralSecurityException e) {
            throw new TemplateFunctionException(
                    "error parsing certificate: decodedSignerCert.Bytes: " + e.getMessage());
        }
    }

    private static List<byte[]> ips(List<Object> ips) throws TemplateFunctionException {
        List<byte[]> out = new ArrayList<>();
        if (ips == null) {
            return out;
        }
        for (Object ip : ips) {
            if (!(ip instanceof String s)) {
                throw new TemplateFunctionException(
                        "error parsing ip: " + dev.runway.render.gofmt.GoFmt.formatValue(ip) + " is not a string");
            }
            byte[] address = goIp(s);
            if (address == null) {
                throw new TemplateFunctionException("error parsing ip: " + s);
            }
            out.add(address);
        }
        return out;
    }

    /**
     * Go's net.ParseIP (netip.ParseAddr without a zone) as x509 then writes it: 4 bytes for IPv4 and IPv4-mapped
     * IPv6, else 16; null where Go refuses the text. Read here rather than by InetAddress, which takes forms Go
     * refuses (01.2.3.4, 1.2.3) and asks the DNS for names that are not literals.
     */
    static byte[] goIp(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') {
                byte[] v4 = new byte[4];
                return ipv4Fields(s, 0, s.length(), v4, 0) ? v4 : null;
            }
            if (c == ':') {
                return ipv6(s);
            }
            if (c == '%') {
                return null;
            }
        }
        return null;
    }

    private static boolean ipv4Fields(String s, int from, int to, byte[] out, int at) {
        int val = 0;
        int pos = 0;
        int digits = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (digits == 1 && val == 0) {
                    return false; // a leading zero
                }
                val = val * 10 + (c - '0');
                digits++;
                if (val > 255) {
                    return false;
                }
            } else if (c == '.') {
                if (i == from || i == to - 1 || s.charAt(i - 1) == '.' || pos == 3) {
                    return false;
                }
                out[at + pos++] = (byte) val;
                val = 0;
                digits = 0;
            } else {
                return false;
            }
        }
        if (pos < 3) {
            return false;
        }
        out[at + 3] = (byte) val;
        return true;
    }

    private static byte[] ipv6(String in) {
        if (in.indexOf('%') >= 0) {
            return null; // a zone: net.ParseIP refuses it
        }
        byte[] ip = new byte[16];
        int p = 0;
        int ellipsis = -1;
        if (in.startsWith("::")) {
            ellipsis = 0;
            p = 2;
            if (p == in.length()) {
                return ip;
            }
        }
        int i = 0;
        while (i < 16) {
            int off = 0;
            int acc = 0;
            for (; p + off < in.length(); off++) {
                char c = in.charAt(p + off);
                int d = c >= '0' && c <= '9'
                        ? c - '0'
                        : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
                if (d < 0) {
                    break;
                }
                acc = (acc << 4) + d;
                if (off > 3 || acc > 0xffff) {
                    return null;
                }
            }
            if (off == 0) {
                return null;
            }
            if (p + off < in.length() && in.charAt(p + off) == '.') {
                if ((ellipsis < 0 && i != 12) || i + 4 > 16 || !ipv4Fields(in, p, in.length(), ip, i)) {
                    return null;
                }
                p = in.length();
                i += 4;
                break;
            }
            ip[i] = (byte) (acc >> 8);
            ip[i + 1] = (byte) acc;
            i += 2;
            p += off;
            if (p == in.length()) {
                break;
            }
            if (in.charAt(p) != ':' || p + 1 == in.length()) {
                return null;
            }
            p++;
            if (in.charAt(p) == ':') {
                if (ellipsis >= 0) {
                    return null;
                }
                ellipsis = i;
                p++;
                if (p == in.length()) {
                    break;
                }
            }
        }
        if (p != in.length()) {
            return null;
        }
        if (i < 16) {
            if (ellipsis < 0) {
                return null;
            }
            int n = 16 - i;
            for (int j = i - 1; j >= ellipsis; j--) {
                ip[j + n] = ip[j];
            }
            java.util.Arrays.fill(ip, ellipsis, ellipsis + n, (byte) 0);
        } else if (ellipsis >= 0) {
            return null;
        }
        boolean mapped = true;
        for (int k = 0; k < 10; k++) {
            mapped &= ip[k] == 0;
        }
        mapped &= ip[10] == (byte) 0xff && ip[11] == (byte) 0xff;
        return mapped ? java.util.Arrays.copyOfRange(ip, 12, 16) : ip;
    }

    private static List<String> dnsNames(List<Object> names) throws TemplateFunctionException {
        List<String> out = new ArrayList<>();
        if (names == null) {
            return out;
        }
        for (Object n : names) {
            if (!(n instanceof String s)) {
                throw new TemplateFunctionException("error processing alternate dns name: "
                        + dev.runway.render.gofmt.GoFmt.formatValue(n) + " is not a string");
            }
            out.add(s);
        }
        return out;
    }

    // ---- X.509 in DER, as Go's x509.CreateCertificate lays it out

    private static byte[] certificate(
            String cn,
            List<byte[]> ips,
            List<String> dns,
            int days,
            boolean isCa,
            PublicKey subjectKey,
            byte[] issuer,
            PrivateKey signingKey,
            byte[] ski,
            byte[] parentKeyId)
            throws GeneralSecurityException, TemplateFunctionException {
        byte[] subject = name(cn);
        boolean subjectIsEmpty = subject.length == 2;
        // Go sets the authority key id only when issuer and subject differ and the parent has a subject key id.
        byte[] aki = java.util.Arrays.equals(issuer, subject) ? null : parentKeyId;
        byte[] sigAlg = signatureAlgorithm(signingKey);
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC).withNano(0);
        byte[] serial = integer(new BigInteger(128, SharedRandom.get()));
        List<byte[]> exts = new ArrayList<>();
        int keyUsage = isCa ? 0b10100100 : 0b10100000; // digitalSignature, keyEncipherment (+ keyCertSign)
        exts.add(extension("2.5.29.15", true, bitString(new byte[] {(byte) keyUsage}, isCa ? 2 : 5)));
        exts.add(extension("2.5.29.37", false, seq(oid("1.3.6.1.5.5.7.3.1"), oid("1.3.6.1.5.5.7.3.2"))));
        exts.add(extension("2.5.29.19", true, isCa ? seq(new byte[] {0x01, 0x01, (byte) 0xff}) : seq()));
        if (ski != null) {
            exts.add(extension("2.5.29.14", false, tlv(0x04, ski)));
        }
        if (aki != null) {
            exts.add(extension("2.5.29.35", false, seq(tlv(0x80, aki))));
        }
        if (!ips.isEmpty() || !dns.isEmpty()) {
            List<byte[]> names = new ArrayList<>();
            for (String d : dns) {
                if (!d.chars().allMatch(c -> c < 0x80)) {
                    // Go's x509 (marshalSANs) refuses a DNS name beyond ASCII; Sprig wraps the error.
                    throw new TemplateFunctionException("error creating certificate: x509: "
                            + dev.runway.render.gofmt.GoStrconv.quote(d) + " cannot be encoded as an IA5String");
                }
                names.add(tlv(0x82, d.getBytes(StandardCharsets.US_ASCII)));
            }
            for (byte[] ip : ips) {
                names.add(tlv(0x87, ip));
            }
            // Go (RFC 5280 4.2.1.6): with an empty subject the SANs are the identity, so the extension is critical.
            exts.add(extension("2.5.29.17", subjectIsEmpty, seq(names.toArray(new byte[0][]))));
        }
        byte[] tbs = seq(
                tlv(0xa0, integer(BigInteger.TWO)),
                serial,
                sigAlg,
                issuer,
                seq(time(now), time(now.plusDays(days))),
                subject,
                subjectKey.getEncoded(),
                tlv(0xa3, seq(exts.toArray(new byte[0][]))));
        Signature s = Signature.getInstance(signatureName(signingKey));
        s.initSign(signingKey);
        s.update(tbs);
        return seq(tbs, sigAlg, bitString(s.sign(), 0));
    }

    private static byte[] subjectKeyId(PublicKey key) throws GeneralSecurityException {
        // Go 1.25 (x509sha256skid): SHA-256 of the subjectPublicKey bit string contents, cut to 20 bytes.
        byte[] spki = key.getEncoded();
        byte[] bits = innerBitString(spki);
        return java.util.Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(bits), 20);
    }

    private static byte[] innerBitString(byte[] spki) {
        // SEQUENCE { SEQUENCE algorithm, BIT STRING key }: skip to the BIT STRING and drop its unused-bits byte.
        int[] p = {0};
        readHeader(spki, p);
        int algLen = readHeader(spki, p);
        p[0] += algLen;
        int bitLen = readHeader(spki, p);
        return java.util.Arrays.copyOfRange(spki, p[0] + 1, p[0] + bitLen);
    }

    /**
     * What Go's x509.CreateCertificate takes from the signing certificate: its subject as encoded (the new
     * certificate's issuer) and its subject key id (the new authority key id), or null where it has none.
     */
    @SuppressWarnings("ArrayRecordComponent") // read once, never compared or hashed
    private record Parent(byte[] subject, byte[] keyId) {}

    private static Parent parent(String pemText) throws GeneralSecurityException {
        byte[] tbs;
        try {
            tbs = ((java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                            .generateCertificate(
                                    new java.io.ByteArrayInputStream(pemText.getBytes(StandardCharsets.UTF_8))))
                    .getTBSCertificate();
        } catch (java.security.cert.CertificateException refused) {
            // Java refuses an empty issuer or subject, which Go reads (genCA "" makes one): read such a one here.
            tbs = emptyNamedTbs(pemText);
            if (tbs == null) {
                throw refused;
            }
        }
        try {
            return parentOf(tbs);
        } catch (IndexOutOfBoundsException e) {
            throw new java.security.cert.CertificateParsingException("malformed certificate");
        }
    }

    /** The TBSCertificate of a PEM certificate whose issuer or subject is empty, or null for any other text. */
    private static byte[] emptyNamedTbs(String pemText) {
        String header = PEM_BEGIN + "CERTIFICATE" + PEM_DASHES;
        int begin = pemText.indexOf(header);
        if (begin < 0 || pemText.indexOf("-----END CERTIFICATE-----", begin) < 0) {
            return null;
        }
        try {
            byte[] der = pemBody(pemText, begin + header.length());
            int[] p = {0};
            readHeader(der, p); // Certificate
            int start = p[0];
            int len = readHeader(der, p);
            byte[] tbs = java.util.Arrays.copyOfRange(der, start, checkedEnd(der, p[0], len));
            Parent parent = parentOf(tbs);
            return parent.subject().length == 2 || issuerIsEmpty(tbs) ? tbs : null;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    private static boolean issuerIsEmpty(byte[] tbs) {
        int[] p = {0};
        readHeader(tbs, p);
        skipFields(tbs, p, (tbs[p[0]] & 0xff) == 0xa0 ? 3 : 2); // [0] version, serial, signature
        return tbs[p[0]] == 0x30 && tbs[p[0] + 1] == 0;
    }

    /** The subject as encoded and the subject key id of a TBSCertificate (IndexOutOfBounds where it is cut short). */
    private static Parent parentOf(byte[] tbs) {
        int[] p = {0};
        int tbsLen = readHeader(tbs, p);
        int tbsEnd = checkedEnd(tbs, p[0], tbsLen);
        // [0] version (absent in version 1), serial, signature, issuer, validity, then the subject.
        skipFields(tbs, p, (tbs[p[0]] & 0xff) == 0xa0 ? 5 : 4);
        int subjectStart = p[0];
        skipFields(tbs, p, 1);
        byte[] subject = java.util.Arrays.copyOfRange(tbs, subjectStart, p[0]);
        skipFields(tbs, p, 1); // subjectPublicKeyInfo
        byte[] keyId = null;
        while (p[0] < tbsEnd) {
            int tag = tbs[p[0]] & 0xff;
            if (tag != 0xa3) {
                skipFields(tbs, p, 1); // [1] issuerUniqueID, [2] subjectUniqueID
                continue;
            }
            readHeader(tbs, p); // [3]
            int extsLen = readHeader(tbs, p);
            int extsEnd = checkedEnd(tbs, p[0], extsLen);
            while (p[0] < extsEnd) {
                int extLen = readHeader(tbs, p);
                int extEnd = checkedEnd(tbs, p[0], extLen);
                int oidLen = readHeader(tbs, p);
                boolean ski = oidLen == 3 && tbs[p[0]] == 0x55 && tbs[p[0] + 1] == 0x1d && tbs[p[0] + 2] == 0x0e;
                p[0] += oidLen;
                if (ski) {
                    if ((tbs[p[0]] & 0xff) == 0x01) {
                        skipFields(tbs, p, 1); // critical
                    }
                    readHeader(tbs, p); // extnValue OCTET STRING
                    int idLen = readHeader(tbs, p); // the key id's OCTET STRING
                    keyId = java.util.Arrays.copyOfRange(tbs, p[0], checkedEnd(tbs, p[0], idLen));
                }
                p[0] = extEnd;
            }
            break;
        }
        return new Parent(subject, keyId);
    }

    private static void skipFields(byte[] der, int[] p, int count) {
        for (int i = 0; i < count; i++) {
            int len = readHeader(der, p);
            p[0] = checkedEnd(der, p[0], len);
        }
    }

    private static int checkedEnd(byte[] der, int from, int len) {
        if (len < 0 || len > der.length - from) {
            throw new IndexOutOfBoundsException("length " + len + " past the end");
        }
        return from + len;
    }

    private static int readHeader(byte[] der, int[] p) {
        p[0]++; // tag
        int len = der[p[0]++] & 0xff;
        if (len >= 0x80) {
            int n = len & 0x7f;
            len = 0;
            for (int i = 0; i < n; i++) {
                len = (len << 8) | (der[p[0]++] & 0xff);
            }
        }
        return len;
    }

    /** PKCS#1 RSAPrivateKey out of Java's PKCS#8 encoding (its privateKey OCTET STRING). */
    private static byte[] pkcs1(PrivateKey key) {
        byte[] p8 = key.getEncoded();
        int[] p = {0};
        readHeader(p8, p); // PrivateKeyInfo
        int vLen = readHeader(p8, p); // version
        p[0] += vLen;
        int aLen = readHeader(p8, p); // algorithm
        p[0] += aLen;
        int kLen = readHeader(p8, p); // OCTET STRING
        return java.util.Arrays.copyOfRange(p8, p[0], p[0] + kLen);
    }

    private static byte[] wrapPkcs1(byte[] pkcs1) {
        return seq(
                integer(BigInteger.ZERO), seq(oid("1.2.840.113549.1.1.1"), new byte[] {0x05, 0x00}), tlv(0x04, pkcs1));
    }

    private static byte[] name(String cn) {
        if (cn.isEmpty()) {
            return seq(); // Go's pkix.Name leaves out an empty common name: an empty RDN sequence
        }
        int tag = cn.matches("[A-Za-z0-9 '()+,\\-./:=?]*") ? 0x13 : 0x0c;
        return seq(set(seq(oid("2.5.4.3"), tlv(tag, cn.getBytes(StandardCharsets.UTF_8)))));
    }

    private static byte[] time(ZonedDateTime t) {
        if (t.getYear() >= 1950 && t.getYear() < 2050) {
            return tlv(
                    0x17,
                    t.format(DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")).getBytes(StandardCharsets.US_ASCII));
        }
        return tlv(
                0x18, t.format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'")).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] extension(String oid, boolean critical, byte[] value) {
        return critical
                ? seq(oid(oid), new byte[] {0x01, 0x01, (byte) 0xff}, tlv(0x04, value))
                : seq(oid(oid), tlv(0x04, value));
    }

    private static byte[] bitString(byte[] bits, int unused) {
        byte[] v = new byte[bits.length + 1];
        v[0] = (byte) unused;
        System.arraycopy(bits, 0, v, 1, bits.length);
        return tlv(0x03, v);
    }

    private static byte[] integer(BigInteger i) {
        return tlv(0x02, i.toByteArray());
    }

    private static byte[] oid(String dotted) {
        String[] parts = dotted.split("\\.", -1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Integer.parseInt(parts[0]) * 40 + Integer.parseInt(parts[1]));
        for (int i = 2; i < parts.length; i++) {
            long v = Long.parseLong(parts[i]);
            byte[] tmp = new byte[10];
            int n = 0;
            do {
                tmp[n++] = (byte) (v & 0x7f);
                v >>= 7;
            } while (v > 0);
            for (int k = n - 1; k >= 0; k--) {
                out.write(tmp[k] | (k > 0 ? 0x80 : 0));
            }
        }
        return tlv(0x06, out.toByteArray());
    }

    private static byte[] seq(byte[]... parts) {
        return tlv(0x30, concat(parts));
    }

    private static byte[] set(byte[]... parts) {
        return tlv(0x31, concat(parts));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int len = value.length;
        if (len < 0x80) {
            out.write(len);
        } else {
            byte[] l = BigInteger.valueOf(len).toByteArray();
            int start = l[0] == 0 ? 1 : 0;
            out.write(0x80 | (l.length - start));
            out.write(l, start, l.length - start);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    /**
     * The bytes of the PEM block whose header ends at {@code from}: its base64 up to the {@code -----END} line (or
     * the text's end), line breaks skipped. Throws IllegalArgumentException for text that is not base64.
     */
    private static byte[] pemBody(String pemText, int from) {
        int end = pemText.indexOf("-----END", from);
        return Base64.getMimeDecoder().decode(pemText.substring(from, end < 0 ? pemText.length() : end));
    }

    /** encoding/pem: 64-character lines and a trailing newline. */
    private static String pem(String type, byte[] der) {
        String b64 = Base64.getEncoder().encodeToString(der);
        StringBuilder sb =
                new StringBuilder(PEM_BEGIN).append(type).append(PEM_DASHES).append('\n');
        for (int i = 0; i < b64.length(); i += 64) {
            sb.append(b64, i, Math.min(b64.length(), i + 64)).append('\n');
        }
        return sb.append("-----END ").append(type).append("-----\n").toString();
    }
}
