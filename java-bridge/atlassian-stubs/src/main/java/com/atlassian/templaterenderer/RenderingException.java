package com.atlassian.templaterenderer;

/** Thrown when a template cannot be rendered (not for I/O failures of the writer). */
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
