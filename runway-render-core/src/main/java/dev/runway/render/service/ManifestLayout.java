package dev.runway.render.service;

/** How a render's manifests are laid out on disk. */
public enum ManifestLayout {
    /** One multi-document file ({@code manifests.yaml}), exactly what {@code helm template} prints. */
    SINGLE_FILE,
    /** One file per resource ({@code deployment-payments.yaml}) and a {@code kustomization.yaml} listing them. */
    PER_RESOURCE
}
