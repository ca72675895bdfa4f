package dev.runway.render.eks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How Google's client obtains the subject token ({@code gcpWorkloadIdentity.credentialSource}). */
public enum CredentialSource {
    /** AWS credentials from the instance metadata service (on EKS: the node's role, not the IRSA role). */
    AWS_IMDS("aws-imds"),
    /** A projected service account token, exchanged directly with Google's STS. */
    KUBERNETES_OIDC("kubernetes-oidc");

    private final String value;

    CredentialSource(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static CredentialSource of(String value) {
        for (CredentialSource source : values()) {
            if (source.value.equals(value)) {
                return source;
            }
        }
        throw new IllegalArgumentException("credentialSource must be aws-imds or kubernetes-oidc, not " + value);
    }
}
