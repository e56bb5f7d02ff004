//! JSON at the edge: parsing that names the offending field, and dates.

use chrono::NaiveDate;
use serde::de::DeserializeOwned;

use crate::error::{Error, Result};

/// Parses `text` as `T`, turning any failure into a validation error whose field is the
/// JSON path of the problem (`members[2].dailyCapacity`), prefixed with `root` if given.
pub fn parse<T: DeserializeOwned>(text: &str, root: &str) -> Result<T> {
    // Tracking the path slows parsing down by half; it is only needed to name the field of
    // an error, so the document is parsed again with tracking only when it fails.
    if let Ok(value) = serde_json::from_str::<T>(text) {
        return Ok(value);
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let value: T = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        // "." is the root, "?" a position serde could not name (a syntax error before any key).
        let path = if path == "." || path == "?" { String::new() } else { path };
        let field = match (root.is_empty(), path.is_empty()) {
            (_, true) => root.to_string(),
            (true, false) => path,
            (false, false) => format!("{root}.{path}"),
        };
        let inner = e.into_inner();
        let message = if inner.is_syntax() || inner.is_eof() {
            format!("malformed JSON: {inner}")
        } else {
            inner.to_string()
        };
        Error::validation(field, message)
    })?;
    de.end().map_err(|e| Error::validation(root, format!("malformed JSON: {e}")))?;
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

    #[test]
    fn dates_are_strict() {
        assert!(date("2026-11-30", "d").is_ok());
        assert!(date("2026-11-31", "d").is_err());
        assert!(date("2026-1-3", "d").is_err());
    }
}
