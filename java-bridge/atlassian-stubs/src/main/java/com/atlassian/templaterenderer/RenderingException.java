package com.atlassian.templaterenderer;

/** Signature of atlassian-template-renderer 6.0 {@code com.atlassian.templaterenderer.RenderingException} (see STUB-SOURCES.md). */
public class RenderingException extends RuntimeException {
    public RenderingException(String message, Throwable cause) {
        super(message, cause);
    }

    public RenderingException(String message) {
        super(message);
    }

    public RenderingException(Throwable cause) {
        super(cause);
    }
}
