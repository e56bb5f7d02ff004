//! JSON at the edge: parsing that names the offending field, and dates.

use chrono::NaiveDate;
use serde::de::DeserializeOwned;

use crate::error::{Error, Result};

/// The field a whole-body error names: the JSON itself, not any member of it (malformed,
/// not an object, a byte-order mark).
pub const BODY: &str = "body";

/// Parses `text` as `T`, turning any failure into a validation error whose field is the
/// JSON path of the problem (`members[2].dailyCapacity`), prefixed with `root` if given. An
/// error in the whole text names `root`, or [`BODY`] at the top; a repeated member names
/// that member.
pub fn parse<T: DeserializeOwned>(text: &str, root: &str) -> Result<T> {
    // serde reads a struct from an array of its fields in order, so `[]` would be a request
    // with every member left out: every document and request is an object.
    if text.trim_start_matches([' ', '\t', '\n', '\r']).starts_with('[') {
        let whole = if root.is_empty() { BODY } else { root };
        return Err(Error::validation(whole, "must be a JSON object {...}, got an array"));
    }
    // Tracking the path slows parsing down by half; it is only needed to name the field of
    // an error, so the document is parsed again with tracking only when it fails.
    if let Ok(value) = serde_json::from_str::<T>(text) {
        return Ok(value);
    }
    let whole = if root.is_empty() { BODY } else { root };
    if text.starts_with('\u{feff}') {
        return Err(Error::validation(whole, "malformed JSON: a byte-order mark (U+FEFF) before the JSON; send UTF-8 without one"));
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let value: T = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        // "." is the root; "?" a position serde could not name (a syntax error before any
        // key, or inside a member not yet named): the field is the nearest named one.
        let mut path = path.as_str();
        while let Some(parent) = path.strip_suffix(".?").or_else(|| path.strip_suffix("?")) {
            path = parent;
        }
        let path = if path == "." { "" } else { path };
        let inner = e.into_inner();
        let message = inner.to_string();
        // serde reports a repeated member at its object, naming it only in the message.
        let repeated = (!inner.is_syntax() && !inner.is_eof())
            .then(|| message.strip_prefix("duplicate field `").and_then(|m| m.split('`').next()))
            .flatten();
        let path = match repeated {
            Some(member) if path.is_empty() => member.to_string(),
            Some(member) => format!("{path}.{member}"),
            None => path.to_string(),
        };
        let field = match (root.is_empty(), path.is_empty()) {
            (_, true) => whole.to_string(),
            (true, false) => path,
            (false, false) => format!("{root}.{path}"),
        };
        let message = if inner.is_syntax() || inner.is_eof() { format!("malformed JSON: {inner}") } else { message };
        Error::validation(field, message)
    })?;
    de.end().map_err(|e| Error::validation(whole, format!("malformed JSON: {e}")))?;
    Ok(value)
}

/// Parses an ISO local date `YYYY-MM-DD`.
pub fn date(text: &str, field: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .filter(|_| text.len() == 10)
        .ok_or_else(|| Error::validation(field, format!("must be a date YYYY-MM-DD, got {text:?}")))
}

/// Checks a free-text field's length (in characters) and that it has no control characters.
pub fn text(value: &str, field: &str, min: usize, max: usize) -> Result<()> {
    let len = value.chars().count();
    if len < min || len > max {
        let what = if min == 0 {
            format!("must be at most {max} characters")
        } else {
            format!("must be {min} to {max} characters")
        };
        return Err(Error::validation(field, format!("{what}, got {len}")));
    }
    if value.chars().any(char::is_control) {
        return Err(Error::validation(field, "must not contain control characters"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        x: f64,
    }
    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Outer {
        items: Vec<Inner>,
    }

    #[test]
    fn errors_name_the_path() {
        let e = parse::<Outer>(r#"{"items":[{"x":1},{"x":"a"}]}"#, "").unwrap_err();
        assert_eq!(e.field(), Some("items[1].x"));
        let e = parse::<Outer>(r#"{"items":[{"x":1,"y":2}]}"#, "").unwrap_err();
        assert!(e.field().unwrap().starts_with("items[0]"), "{e}");
        assert!(e.message().contains("unknown field `y`"), "{e}");
    }

    #[test]
    fn malformed_json_is_a_validation_error() {
        let e = parse::<Outer>("{", "settings").unwrap_err();
        assert_eq!(e.code(), crate::ErrorCode::Validation);
        assert!(e.message().contains("malformed JSON"), "{e}");
        assert!(parse::<Outer>(r#"{"items":[]} x"#, "").is_err());
    }

    /// Issue 10, defect 8: these whole-body errors carried no field (or one ending `.?`).
    #[test]
    fn whole_body_errors_name_the_body_or_the_member() {
        let field = |text: &str| parse::<Outer>(text, "").unwrap_err().field().map(str::to_owned);
        for text in ["{", "", "[]", "null", "\u{feff}{\"items\":[]}", "{\"items\":[]} x", "42", "{\"items\":[]}{}"] {
            assert_eq!(field(text).as_deref(), Some(BODY), "{text:?}");
        }
        assert!(parse::<Outer>("\u{feff}{}", "").unwrap_err().message().contains("byte-order mark"));
        assert_eq!(field(r#"{"items":[],"items":[]}"#).as_deref(), Some("items"));
        assert_eq!(field(r#"{"items":[{"x":1,"x":2}]}"#).as_deref(), Some("items[0].x"));
        assert_eq!(field(r#"{"items":[{"x":1,}]}"#).as_deref(), Some("items[0]"));
        assert_eq!(field(r#"{"items":[{"x"#).as_deref(), Some("items[0]"));
        assert_eq!(parse::<Outer>("[", "settings").unwrap_err().field(), Some("settings"));
        for text in [r#"{"items":[{"#, r#"{"items":[{"x":1},{,"#, r#"{"items":[{"x":1}"#, "{\"items\":[{\"x\":1 \u{0}"] {
            let f = field(text).unwrap();
            assert!(!f.ends_with('?') && !f.is_empty(), "{text:?} named {f:?}");
        }
    }

    #[test]
    fn dates_are_strict() {
        assert!(date("2026-11-30", "d").is_ok());
        assert!(date("2026-11-31", "d").is_err());
        assert!(date("2026-1-3", "d").is_err());
    }
}
