//! [`Text`]: the short strings of a request (item keys, account keys), kept in place.

use serde::{Deserialize, Deserializer};

/// A short string of a request (an item key, an account key) kept in place when it fits,
/// so that reading a request of thousands of items does not allocate for each of their
/// keys; a longer one is kept on the heap. Reads as a `&str`.
#[derive(Clone)]
pub enum Text {
    /// The first `len` bytes hold the string.
    Inline(u8, [u8; INLINE]),
    Heap(Box<str>),
}

/// The longest string a [`Text`] holds in place: the size of a `Box<str>` and a bit.
const INLINE: usize = 22;

impl Text {
    pub fn new(s: &str) -> Text {
        if s.len() <= INLINE {
            let mut bytes = [0u8; INLINE];
            bytes[..s.len()].copy_from_slice(s.as_bytes());
            Text::Inline(s.len() as u8, bytes)
        } else {
            Text::Heap(s.into())
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            // Whole strings are stored, so this never fails (and checks a few bytes only).
            Text::Inline(len, bytes) => std::str::from_utf8(&bytes[..*len as usize]).expect("a stored string"),
            Text::Heap(s) => s,
        }
    }
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Text {}

impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text::new(s)
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        if s.len() <= INLINE {
            Text::new(&s)
        } else {
            Text::Heap(s.into_boxed_str())
        }
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Text, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Text;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E>(self, v: &str) -> std::result::Result<Text, E> {
                Ok(Text::new(v))
            }
            fn visit_string<E>(self, v: String) -> std::result::Result<Text, E> {
                Ok(Text::from(v))
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::items::Item;

    #[test]
    fn texts_read_back_whole_in_place_or_not() {
        for s in ["", "A-1", "exactly-twenty-two-ch", "a longer key that does not fit in place", "ünïcödé-ключ"] {
            let t = Text::from(s);
            assert_eq!(t.as_str(), s);
            assert_eq!(Text::from(s.to_string()), t);
            assert_eq!(format!("{t:?}"), format!("{s:?}"));
        }
        let item: Item = serde_json::from_str(r#"{"key":"A\u002d1","assignee":"ann"}"#).unwrap();
        assert_eq!((&*item.key, item.assignee.as_deref()), ("A-1", Some("ann")));
    }
}
