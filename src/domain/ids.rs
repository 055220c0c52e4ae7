//! Newtype ids so a fan uuid can never be passed where a creator uuid is expected.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Wraps an id received from Fanvue. Ids are compared case-insensitively by
            /// normalising to lowercase, as UUIDs are.
            pub fn new(raw: impl AsRef<str>) -> Self {
                Self(raw.as_ref().trim().to_ascii_lowercase())
            }
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self::new(s)
            }
        }
    };
}

id_type!(
    /// The Fanvue uuid of a creator (the webhook `recipientUuid`).
    CreatorUuid
);
id_type!(
    /// The Fanvue uuid of a fan (the chat counterpart).
    FanUuid
);
id_type!(
    /// The Fanvue uuid of one chat message.
    MessageUuid
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_normalised_to_lowercase_and_trimmed() {
        assert_eq!(
            FanUuid::new(" ABC-def "),
            FanUuid::new("abc-DEF"),
            "the same uuid in two spellings must be one id"
        );
        assert_eq!(FanUuid::new("ABC").as_str(), "abc");
    }
}
