/**
 * The typed Java API: records for board settings, days off and report requests and reports,
 * with builders for requests, over the JSON API of {@link org.capacitytracker.api.CapacityEngine}.
 *
 * <p>Start with {@link org.capacitytracker.api.typed.TypedCapacityEngine}. The records only
 * mirror the documents' shape (required parts are non-null); every rule — ranges, dates,
 * units, permissions — is checked by the engine, which throws the same exceptions as through
 * the JSON API.
 */
package org.capacitytracker.api.typed;
