package org.capacitytracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The exception classes carry the contract's codes and their extra fields. */
class ExceptionTypesTest {
    @Test
    void codesMatchTheJsonContract() {
        assertEquals(1, new CapacityValidationException("m", "f").code());
        assertEquals(2, new CapacityConflictException("m", 3).code());
        assertEquals(3, new CapacityStorageException("m", null).code());
        assertEquals(4, new CapacityTooLargeException("m").code());
        assertEquals(5, new CapacityNativeException("m", null).code());
        assertEquals(6, new CapacityNativeException(CapacityException.INVALID_ARGUMENT, "m").code());
    }

    @Test
    void anAccessRefusalIsACapacityExceptionWithACodeNoEngineErrorUses() {
        CapacityException e = new CapacityAccessDeniedException("you may not read board 42");
        assertEquals(CapacityAccessDeniedException.ACCESS_DENIED, e.code());
        assertEquals("you may not read board 42", e.getMessage());
        for (int engineCode = CapacityException.VALIDATION; engineCode <= CapacityException.NOT_FOUND; engineCode++) {
            org.junit.jupiter.api.Assertions.assertNotEquals(engineCode, e.code());
        }
    }

    @Test
    void extraFieldsAreKept() {
        assertEquals("members[3].role", new CapacityValidationException("m", "members[3].role").field());
        assertEquals(7L, new CapacityConflictException("m", 7).currentRevision());
        assertEquals("members", new CapacityTooLargeException("m", "members").field());
        assertNull(new CapacityTooLargeException("m").field());
        RuntimeException cause = new RuntimeException();
        assertSame(cause, new CapacityStorageException("m", cause).getCause());
    }
}
