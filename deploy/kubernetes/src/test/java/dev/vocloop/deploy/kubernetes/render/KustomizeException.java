package dev.vocloop.deploy.kubernetes.render;

/** A kustomization that cannot be rendered: missing file, unsupported field, ambiguous patch. */
public final class KustomizeException extends RuntimeException {

    public KustomizeException(String message) {
        super(message);
    }
}
