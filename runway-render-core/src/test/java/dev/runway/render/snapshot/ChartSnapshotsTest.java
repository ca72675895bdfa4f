package dev.runway.render.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.api.RenderedChart;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** The snapshot workflow on real runway-eks output (rendered by the Helm oracle). */
class ChartSnapshotsTest {

    private static final SnapshotId ID = new SnapshotId("PaymentsChartTest", "defaults", "");
    private static final String CHECKSUM_MASK = "spec.template.metadata.annotations[checksum/gcp-credentials]";

    @TempDir
    Path root;

    private ChartSnapshots snapshots(SnapshotMode mode) {
        return new ChartSnapshots(new SnapshotSettings(root, mode, OrphanPolicy.WARN));
    }

    private SnapshotOutcome check(SnapshotMode mode, RenderedChart chart) {
        return snapshots(mode).assertMatches(chart, ID, SnapshotOptions.defaults());
    }

    private Path file() {
        return root.resolve("PaymentsChartTest").resolve("defaults.yaml");
    }

    private static AssertionFailedError mismatch(
            ChartSnapshots snapshots, RenderedChart chart, SnapshotOptions options) {
        return assertThrows(AssertionFailedError.class, () -> snapshots.assertMatches(chart, ID, options));
    }

    /** The defaults' helm output with one piece of text replaced: a change no values file can make. */
    private static RenderedChart defaultsWith(String text, String replacement) {
        String output = PaymentsRenders.helmOutput(Map.of());
        assertTrue(output.contains(text), "fixture text not in the rendered chart: " + text);
        return RenderedCharts.parse(output.replace(text, replacement));
    }

    @Test
    void firstRunWritesAReadableSnapshot() throws Exception {
        SnapshotOutcome outcome = check(SnapshotMode.LOCAL, PaymentsRenders.defaults());

        assertEquals(SnapshotOutcome.Status.CREATED, outcome.status());
        assertEquals(file(), outcome.file());
        String text = Files.readString(file(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("# Chart snapshot PaymentsChartTest/defaults"), text);
        assertTrue(text.contains("""
                ---
                # Source: runway-eks/templates/deployment.yaml
                apiVersion: apps/v1
                kind: Deployment
                """), text);
        assertTrue(
                text.contains(
                        "\n        - name: payments\n          image: registry.example.com/runway/payments:1.4.2\n"),
                text);
        assertTrue(text.contains("  credentials.json: |\n    {\n"), "multi-line strings stay literal blocks");
        assertFalse(text.contains("\r"));
        assertEquals(
                List.of("ServiceAccount", "ConfigMap", "Service", "Deployment"),
                PaymentsRenders.kinds(RenderedCharts.parse(text)));
    }

    @Test
    void anUnchangedChartMatchesAndNothingIsRewritten() throws Exception {
        check(SnapshotMode.LOCAL, PaymentsRenders.defaults());
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(file(), old);
        byte[] before = Files.readAllBytes(file());

        SnapshotOutcome outcome = check(SnapshotMode.LOCAL, PaymentsRenders.defaults());

        assertEquals(SnapshotOutcome.Status.MATCHED, outcome.status());
        assertEquals(old, Files.getLastModifiedTime(file()));
        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(file()));
    }

    @Test
    void aMismatchNamesTheResourceAndFieldPathAndCarriesBothTextsForTheIdeDiff() throws Exception {
        check(SnapshotMode.LOCAL, PaymentsRenders.defaults());
        String stored = Files.readString(file());
        RenderedChart changed = defaultsWith(
                "value: \"/etc/gcp-service-account/credentials.json\"", "value: \"/var/run/credentials.json\"");

        AssertionFailedError error = mismatch(snapshots(SnapshotMode.LOCAL), changed, SnapshotOptions.defaults());

        assertTrue(
                error.getMessage()
                        .contains("Chart snapshot PaymentsChartTest/defaults does not match the "
                                + "rendered chart (1 difference"),
                error.getMessage());
        assertTrue(
                error.getMessage()
                        .contains("~ Deployment/payments spec.template.spec.containers[payments]"
                                + ".env[GOOGLE_APPLICATION_CREDENTIALS].value: \"/etc/gcp-service-account/credentials.json\" -> "
                                + "\"/var/run/credentials.json\""),
                error.getMessage());
        assertTrue(error.getMessage().contains("-Drunway.snapshot.update=true"), error.getMessage());
        assertTrue(error.isExpectedDefined() && error.isActualDefined());
        assertEquals(stored, error.getExpected().getValue());
        assertTrue(((String) error.getActual().getValue()).contains("value: /var/run/credentials.json"));
        assertEquals(stored, Files.readString(file()), "a failed check leaves the snapshot alone");
    }

    @Test
    void anAddedListItemIsAddressedByItsName() {
        check(SnapshotMode.LOCAL, PaymentsRenders.defaults());

        AssertionFailedError error = mismatch(
                snapshots(SnapshotMode.LOCAL),
                PaymentsRenders.with(Map.of("env.LOG_LEVEL", "debug")),
                SnapshotOptions.defaults());

        assertTrue(
                error.getMessage()
                        .contains("+ Deployment/payments spec.template.spec.containers[payments]"
                                + ".env[LOG_LEVEL]: added {name: \"LOG_LEVEL\", value: \"debug\"}"),
                error.getMessage());
    }

    @Test
    void aChangedNumberShowsBeforeAndAfter() {
        check(SnapshotMode.LOCAL, PaymentsRenders.defaults());

        AssertionFailedError error = mismatch(
                snapshots(SnapshotMode.LOCAL), PaymentsRenders.with(Map.of("replicas", 3)), SnapshotOptions.defaults());

        assertTrue(error.getMessage().contains("(1 difference"), error.getMessage());
        assertTrue(error.getMessage().contains("~ Deployment/payments spec.replicas: 2 -> 3"), error.getMessage());
    }

    @Test
    void addedAndRemovedResourcesAreNamed() {
        check(SnapshotMode.LOCAL, PaymentsRenders.defaults());
        RenderedChart withPdb = PaymentsRenders.with(Map.of("podDisruptionBudget.enabled", true));

        AssertionFailedError added = mismatch(snapshots(SnapshotMode.LOCAL), withPdb, SnapshotOptions.defaults());
        assertTrue(
                added.getMessage().contains("+ PodDisruptionBudget/payments: rendered now, not in the snapshot"),
                added.getMessage());

        check(SnapshotMode.UPDATE, withPdb);
        AssertionFailedError removed =
                mismatch(snapshots(SnapshotMode.LOCAL), PaymentsRenders.defaults(), SnapshotOptions.defaults());
        assertTrue(
                removed.getMessage().contains("- PodDisruptionBudget/payments: in the snapshot, not rendered any more"),
                removed.getMessage());
    }

    @Test
    void aChangedMultiLineStringPointsAtTheFirstChangedLine() {
        check(SnapshotMode.LOCAL, PaymentsRenders.defaults());

        AssertionFailedError error = mismatch(
                snapshots(SnapshotMode.LOCAL),
                PaymentsRenders.with(Map.of("gcp.workloadIdentityProviderId", "Other-Provider")),
                SnapshotOptions.defaults());

        String message = error.getMessage();
        assertTrue(message.contains("(2 differences"), message);
        assertTrue(
                message.contains(
                        "~ ConfigMap/payments-gcp-credentials data[credentials.json]: text differs "
                                + "from line 2, column 131: ...\"Pools/${gcp_wip_id}/providers/EKS-Provider\\\",\" -> ...\"Pools/${gcp_wip_id}/providers/Other-Provider\\\",\""),
                message);
        assertTrue(message.contains("/providers/Other-Provider"), message);
        assertTrue(message.contains("~ Deployment/payments " + CHECKSUM_MASK + ": \""), message);
    }

    @Test
    void updateModeRewritesAChangedSnapshotAndReportsWhatChanged() throws Exception {
        check(SnapshotMode.LOCAL, PaymentsRenders.defaults());
        RenderedChart threeReplicas = PaymentsRenders.with(Map.of("replicas", 3));

        SnapshotOutcome outcome = check(SnapshotMode.UPDATE, threeReplicas);

        assertEquals(SnapshotOutcome.Status.UPDATED, outcome.status());
        assertEquals(1, outcome.differences().size());
        assertEquals(
                "Deployment/payments spec.replicas",
                outcome.differences().get(0).location());
        assertTrue(Files.readString(file()).contains("\n  replicas: 3\n"));
        assertEquals(
                SnapshotOutcome.Status.MATCHED,
                check(SnapshotMode.LOCAL, threeReplicas).status());
        assertThrows(AssertionFailedError.class, () -> check(SnapshotMode.LOCAL, PaymentsRenders.defaults()));
    }

    @Test
    void updateModeWritesMissingSnapshotsAndLeavesMatchingOnesAlone() throws Exception {
        assertEquals(
                SnapshotOutcome.Status.CREATED,
                check(SnapshotMode.UPDATE, PaymentsRenders.defaults()).status());
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(file(), old);

        assertEquals(
                SnapshotOutcome.Status.MATCHED,
                check(SnapshotMode.UPDATE, PaymentsRenders.defaults()).status());
        assertEquals(old, Files.getLastModifiedTime(file()));
    }

    @Test
    void ciModeFailsOnAMissingSnapshotAndWritesNothing() throws Exception {
        AssertionFailedError error =
                assertThrows(AssertionFailedError.class, () -> check(SnapshotMode.CI, PaymentsRenders.defaults()));

        assertTrue(
                error.getMessage().contains("Chart snapshot PaymentsChartTest/defaults is missing: " + file()),
                error.getMessage());
        assertTrue(error.getMessage().contains("CI mode never writes snapshots"), error.getMessage());
        assertTrue(((String) error.getActual().getValue()).contains("kind: Deployment"));
        try (Stream<Path> files = Files.walk(root)) {
            assertEquals(List.of(root), files.toList(), "CI mode created nothing");
        }
    }

    @Test
    void ciModeMatchesAnExistingSnapshotAndFailsOnAChangeWithoutWriting() throws Exception {
        check(SnapshotMode.LOCAL, PaymentsRenders.defaults());
        String stored = Files.readString(file());

        assertEquals(
                SnapshotOutcome.Status.MATCHED,
                check(SnapshotMode.CI, PaymentsRenders.defaults()).status());
        AssertionFailedError error = assertThrows(
                AssertionFailedError.class, () -> check(SnapshotMode.CI, PaymentsRenders.with(Map.of("replicas", 3))));
        assertTrue(error.getMessage().contains("spec.replicas: 2 -> 3"), error.getMessage());
        assertEquals(stored, Files.readString(file()));
    }

    @Test
    void aMaskedFieldIsStoredAsTheMarkerAndItsChangesAreIgnored() throws Exception {
        SnapshotOptions masked = SnapshotOptions.defaults().mask(CHECKSUM_MASK);
        snapshots(SnapshotMode.LOCAL).assertMatches(PaymentsRenders.defaults(), ID, masked);
        String text = Files.readString(file());
        assertTrue(text.contains("\n        checksum/gcp-credentials: <masked>\n"), text);
        String checksum = checksumOf(PaymentsRenders.helmOutput(Map.of()));
        assertFalse(text.contains(checksum));

        RenderedChart otherChecksum = defaultsWith(checksum, "ab".repeat(32));
        assertEquals(
                SnapshotOutcome.Status.MATCHED,
                snapshots(SnapshotMode.LOCAL)
                        .assertMatches(otherChecksum, ID, masked)
                        .status());
        AssertionFailedError unmasked =
                mismatch(snapshots(SnapshotMode.LOCAL), otherChecksum, SnapshotOptions.defaults());
        assertTrue(
                unmasked.getMessage()
                        .contains("~ Deployment/payments " + CHECKSUM_MASK + ": \"<masked>\" -> \"" + "ab".repeat(32)
                                + "\""),
                unmasked.getMessage());
    }

    private static String checksumOf(String helmOutput) {
        String marker = "checksum/gcp-credentials: ";
        int start = helmOutput.indexOf(marker) + marker.length();
        return helmOutput.substring(start, helmOutput.indexOf('\n', start)).strip();
    }

    @Test
    void masksAddressListItemsByNameByIndexOrWithAWildcard() throws Exception {
        RenderedChart newTag = PaymentsRenders.with(Map.of("image.tag", "1.5.0"));
        for (String path : List.of(
                "spec.template.spec.containers[payments].image",
                "spec.template.spec.containers[0].image",
                "spec.template.spec.containers[*].image")) {
            Files.deleteIfExists(file());
            SnapshotOptions options = SnapshotOptions.defaults().mask(path);
            snapshots(SnapshotMode.LOCAL).assertMatches(PaymentsRenders.defaults(), ID, options);
            assertTrue(Files.readString(file()).contains("\n          image: <masked>\n"), path);
            assertEquals(
                    SnapshotOutcome.Status.MATCHED,
                    snapshots(SnapshotMode.LOCAL)
                            .assertMatches(newTag, ID, options)
                            .status(),
                    path);
        }
    }

    @Test
    void aMaskCopiedFromAFailureMessageAppliesToThatResourceOnly() throws Exception {
        SnapshotOptions options = SnapshotOptions.defaults().mask("Deployment/payments metadata.labels[helm.sh/chart]");
        snapshots(SnapshotMode.LOCAL).assertMatches(PaymentsRenders.defaults(), ID, options);

        String text = Files.readString(file());
        assertEquals(1, count(text, "helm.sh/chart: <masked>"), text);
        assertEquals(
                3,
                count(text, "helm.sh/chart: runway-eks-0.1.0"),
                "3 other resources (the pod template has no helm.sh/chart)");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void aMaskThatMatchesNothingIsReportedAsAMistake() {
        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class,
                () -> snapshots(SnapshotMode.LOCAL)
                        .assertMatches(
                                PaymentsRenders.defaults(),
                                ID,
                                SnapshotOptions.defaults().mask("spec.template.metadata.annotations[checksum/typo]")));

        assertTrue(
                error.getMessage()
                        .contains("snapshot mask 'spec.template.metadata.annotations[checksum/typo]' "
                                + "matches no field"),
                error.getMessage());
        assertTrue(error.getMessage().contains("Deployment/payments"), error.getMessage());
        assertFalse(Files.exists(file()));
    }

    @Test
    void selectingKindsKeepsOnlyThoseResources() throws Exception {
        SnapshotOptions services = SnapshotOptions.defaults().selectKinds("Service", "ServiceAccount");
        snapshots(SnapshotMode.LOCAL).assertMatches(PaymentsRenders.defaults(), ID, services);

        assertEquals(
                List.of("ServiceAccount", "Service"),
                PaymentsRenders.kinds(RenderedCharts.parse(Files.readString(file()))));
        // A change outside the selection does not matter.
        RenderedChart otherProvider = PaymentsRenders.with(Map.of("gcp.workloadIdentityProviderId", "Other-Provider"));
        assertEquals(
                SnapshotOutcome.Status.MATCHED,
                snapshots(SnapshotMode.LOCAL)
                        .assertMatches(otherProvider, ID, services)
                        .status());
    }

    @Test
    void selectingByNameAndExcludingKinds() throws Exception {
        snapshots(SnapshotMode.LOCAL)
                .assertMatches(
                        PaymentsRenders.defaults(),
                        ID,
                        SnapshotOptions.defaults().selectNames("payments-gcp-credentials"));
        assertEquals(List.of("ConfigMap"), PaymentsRenders.kinds(RenderedCharts.parse(Files.readString(file()))));

        Files.delete(file());
        snapshots(SnapshotMode.LOCAL)
                .assertMatches(
                        PaymentsRenders.defaults(),
                        ID,
                        SnapshotOptions.defaults().excludeKinds("ConfigMap", "ServiceAccount"));
        assertEquals(
                List.of("Service", "Deployment"),
                PaymentsRenders.kinds(RenderedCharts.parse(Files.readString(file()))));
    }

    @Test
    void aSelectionThatPicksNothingListsWhatWasRendered() {
        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class,
                () -> snapshots(SnapshotMode.LOCAL)
                        .assertMatches(
                                PaymentsRenders.defaults(),
                                ID,
                                SnapshotOptions.defaults().selectKinds("Ingress")));

        assertTrue(error.getMessage().contains("kinds [Ingress]"), error.getMessage());
        assertTrue(
                error.getMessage()
                        .contains("ConfigMap/payments-gcp-credentials, Deployment/payments, "
                                + "Service/payments, ServiceAccount/payments"),
                error.getMessage());
    }

    @Test
    void aSnapshotCheckedOutWithCrlfLineEndingsOrABomStillMatches() throws Exception {
        check(SnapshotMode.LOCAL, PaymentsRenders.defaults());
        String lf = Files.readString(file());
        Files.writeString(file(), "\uFEFF" + lf.replace("\n", "\r\n"));

        assertEquals(
                SnapshotOutcome.Status.MATCHED,
                check(SnapshotMode.LOCAL, PaymentsRenders.defaults()).status());
        // Update mode does not rewrite it either: git's autocrlf owns line endings in a checkout.
        assertEquals(
                SnapshotOutcome.Status.MATCHED,
                check(SnapshotMode.UPDATE, PaymentsRenders.defaults()).status());
        assertTrue(Files.readString(file()).contains("\r\n"));
    }

    @Test
    void theSnapshotTextDoesNotDependOnLocaleOrTimeZone() {
        RenderedChart chart = RenderedCharts.parse("""
                ---
                # Source: c/templates/x.yaml
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: i18n
                data:
                  TITLE: TITLE-ıİ
                  ratio: "0.5"
                spec:
                  ratio: 0.5
                  big: 1e+06
                  when: 2026-11-22T10:00:00Z
                """);
        String reference = snapshots(SnapshotMode.LOCAL).snapshotText(chart, ID, SnapshotOptions.defaults());
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Chatham"));
            assertEquals(reference, snapshots(SnapshotMode.LOCAL).snapshotText(chart, ID, SnapshotOptions.defaults()));
            Locale.setDefault(Locale.GERMANY);
            assertEquals(reference, snapshots(SnapshotMode.LOCAL).snapshotText(chart, ID, SnapshotOptions.defaults()));
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
        assertTrue(reference.contains("  ratio: '0.5'\n") || reference.contains("  ratio: \"0.5\"\n"), reference);
        assertTrue(reference.contains("  ratio: 0.5\n"), reference);
        assertTrue(reference.contains("  when: 2026-11-22T10:00:00Z\n"), "timestamps stay text: " + reference);
        assertTrue(reference.contains("TITLE-ıİ"), reference);
    }

    @Test
    void aStringBecomingABooleanForKubernetesIsAChange() throws Exception {
        RenderedChart quoted = RenderedCharts.parse("""
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: flags
                data:
                  FEATURE: "on"
                """);
        RenderedChart plain = RenderedCharts.parse("""
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: flags
                data:
                  FEATURE: on
                """);
        check(SnapshotMode.LOCAL, quoted);
        assertTrue(
                Files.readString(file()).contains("FEATURE: 'on'")
                        || Files.readString(file()).contains("FEATURE: \"on\""),
                "the writer quotes strings that YAML 1.1 reads as booleans");

        AssertionFailedError error = assertThrows(AssertionFailedError.class, () -> check(SnapshotMode.LOCAL, plain));
        assertTrue(error.getMessage().contains("~ ConfigMap/flags data.FEATURE: \"on\" -> true"), error.getMessage());
    }

    @Test
    void aBrokenSnapshotFileIsReportedWithItsLineAndRewrittenInUpdateMode() throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [unclosed\n");

        AssertionFailedError error =
                assertThrows(AssertionFailedError.class, () -> check(SnapshotMode.LOCAL, PaymentsRenders.defaults()));
        assertTrue(error.getMessage().contains("cannot be read"), error.getMessage());
        assertTrue(error.getMessage().contains(file().toString()), error.getMessage());
        assertTrue(error.getMessage().contains("line "), error.getMessage());

        assertEquals(
                SnapshotOutcome.Status.UPDATED,
                check(SnapshotMode.UPDATE, PaymentsRenders.defaults()).status());
        assertEquals(
                SnapshotOutcome.Status.MATCHED,
                check(SnapshotMode.LOCAL, PaymentsRenders.defaults()).status());
    }

    @Test
    void aSnapshotFileThatIsNotUtf8IsReportedAndRewrittenInUpdateMode() throws Exception {
        Files.createDirectories(file().getParent());
        Files.write(file(), new byte[] {'k', 'i', 'n', 'd', ':', ' ', (byte) 0xff, '\n'});

        AssertionFailedError error =
                assertThrows(AssertionFailedError.class, () -> check(SnapshotMode.LOCAL, PaymentsRenders.defaults()));
        assertTrue(error.getMessage().contains("is not UTF-8 text"), error.getMessage());

        assertEquals(
                SnapshotOutcome.Status.UPDATED,
                check(SnapshotMode.UPDATE, PaymentsRenders.defaults()).status());
        assertEquals(
                SnapshotOutcome.Status.MATCHED,
                check(SnapshotMode.LOCAL, PaymentsRenders.defaults()).status());
    }

    @Test
    void writingLeavesNoTemporaryFilesBehind() throws Exception {
        check(SnapshotMode.LOCAL, PaymentsRenders.defaults());
        check(SnapshotMode.UPDATE, PaymentsRenders.with(Map.of("replicas", 3)));

        try (Stream<Path> files = Files.list(file().getParent())) {
            assertEquals(List.of(file()), files.toList());
        }
    }

    @Test
    void resourceOrderIsNotAChange() {
        RenderedChart chart = PaymentsRenders.defaults();
        check(SnapshotMode.LOCAL, chart);
        List<dev.runway.render.api.RenderedManifest> reversed = new java.util.ArrayList<>(chart.manifests());
        java.util.Collections.reverse(reversed);

        assertEquals(
                SnapshotOutcome.Status.MATCHED,
                check(SnapshotMode.LOCAL, new RenderedChart(reversed, chart.output()))
                        .status());
    }
}
