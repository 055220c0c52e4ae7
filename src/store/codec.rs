//! How the state and kind enums are stored: as the exact text they always had (`'pending'`,
//! `'in_doubt'`, `'approve'`...), so typed rows need no migration and old files read the same.
//!
//! The impls are generic over the sqlx database, not SQLite's: any backend that stores text can
//! bind and decode these types as they are. A value no variant spells is a decoding error (every
//! such column has a `CHECK` listing its values, so only a foreign write could cause one).

use crate::domain::{MarkCategory, Mode, Outcome, Purpose};
use sqlx::{encode::IsNull, error::BoxDynError, Database, Decode, Encode, Type};

use super::{creators::CreatorStatus, drafts::DraftState, outbox::OutboxState, users::UserRole};

/// Implements sqlx's `Type`, `Encode` and `Decode` for enums with `ALL` (every variant) and
/// `as_str` (the stored text).
macro_rules! text_column {
    ($($t:ty),* $(,)?) => {$(
        impl<DB: Database> Type<DB> for $t
        where
            str: Type<DB>,
        {
            fn type_info() -> DB::TypeInfo {
                <str as Type<DB>>::type_info()
            }
            fn compatible(ty: &DB::TypeInfo) -> bool {
                <str as Type<DB>>::compatible(ty)
            }
        }

        impl<'q, DB: Database> Encode<'q, DB> for $t
        where
            &'q str: Encode<'q, DB>,
        {
            fn encode_by_ref(
                &self,
                buf: &mut <DB as Database>::ArgumentBuffer<'q>,
            ) -> Result<IsNull, BoxDynError> {
                <&'q str as Encode<'q, DB>>::encode(self.as_str(), buf)
            }
        }

        impl<'r, DB: Database> Decode<'r, DB> for $t
        where
            &'r str: Decode<'r, DB>,
        {
            fn decode(value: <DB as Database>::ValueRef<'r>) -> Result<Self, BoxDynError> {
                let text = <&'r str as Decode<'r, DB>>::decode(value)?;
                <$t>::ALL
                    .into_iter()
                    .find(|v| v.as_str() == text)
                    .ok_or_else(|| format!("{text:?} is not a {}", stringify!($t)).into())
            }
        }
    )*};
}

text_column!(
    Outcome,
    Mode,
    Purpose,
    MarkCategory,
    CreatorStatus,
    OutboxState,
    DraftState,
    UserRole,
);

/// A column of JSON text (`media_uuids`, `guardrails`), for `#[sqlx(try_from = "JsonText")]`:
/// read leniently, as it always was: NULL or text that does not parse reads as empty.
pub(crate) struct JsonText(Option<String>);

impl<DB: Database> Type<DB> for JsonText
where
    String: Type<DB>,
{
    fn type_info() -> DB::TypeInfo {
        <String as Type<DB>>::type_info()
    }
    fn compatible(ty: &DB::TypeInfo) -> bool {
        <String as Type<DB>>::compatible(ty)
    }
}

impl<'r, DB: Database> Decode<'r, DB> for JsonText
where
    Option<String>: Decode<'r, DB>,
{
    fn decode(value: <DB as Database>::ValueRef<'r>) -> Result<Self, BoxDynError> {
        Ok(JsonText(<Option<String> as Decode<'r, DB>>::decode(value)?))
    }
}

impl JsonText {
    fn parse<T: serde::de::DeserializeOwned>(self) -> Option<T> {
        self.0.and_then(|s| serde_json::from_str(&s).ok())
    }
}

/// A list of media uuids.
impl From<JsonText> for Vec<String> {
    fn from(t: JsonText) -> Vec<String> {
        t.parse().unwrap_or_default()
    }
}

/// Recorded guardrail verdicts.
impl From<JsonText> for Option<serde_json::Value> {
    fn from(t: JsonText) -> Option<serde_json::Value> {
        t.parse()
    }
}

/// Media uuids as the `media_uuids` columns hold them.
pub(crate) fn media_json(media: &[String]) -> String {
    serde_json::to_string(media).unwrap_or_else(|_| "[]".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_store;

    /// Every variant goes in as its text and comes back as itself.
    async fn round_trips<T>(store: &crate::store::Store, all: &[T], text: fn(&T) -> &'static str)
    where
        T: for<'q> Encode<'q, sqlx::Sqlite>
            + for<'r> Decode<'r, sqlx::Sqlite>
            + Type<sqlx::Sqlite>
            + Clone
            + Send
            + PartialEq
            + std::fmt::Debug
            + Unpin
            + 'static,
    {
        for v in all {
            let (stored, back): (String, T) = sqlx::query_as("SELECT ?1, ?1")
                .bind(v.clone())
                .fetch_one(store.reader())
                .await
                .unwrap();
            assert_eq!(stored, text(v));
            assert_eq!(&back, v);
        }
    }

    #[tokio::test]
    async fn every_state_is_stored_as_the_text_it_always_was() {
        let (s, _d) = test_store().await;
        round_trips(&s, &Outcome::ALL, |v| v.as_str()).await;
        round_trips(&s, &Mode::ALL, |v| v.as_str()).await;
        round_trips(&s, &Purpose::ALL, |v| v.as_str()).await;
        round_trips(&s, &MarkCategory::ALL, |v| v.as_str()).await;
        round_trips(&s, &CreatorStatus::ALL, |v| v.as_str()).await;
        round_trips(&s, &OutboxState::ALL, |v| v.as_str()).await;
        round_trips(&s, &DraftState::ALL, |v| v.as_str()).await;
        let texts = |all: &[&str]| all.iter().map(|t| t.to_string()).collect::<Vec<_>>();
        // The texts the migrations' CHECK constraints allow, and the code always wrote.
        assert_eq!(
            OutboxState::ALL.map(|s| s.as_str().to_string()).to_vec(),
            texts(&["pending", "sending", "sent", "failed", "in_doubt", "dropped"])
        );
        assert_eq!(
            DraftState::ALL.map(|s| s.as_str().to_string()).to_vec(),
            texts(&["shadow", "awaiting", "approved", "rejected", "dropped"])
        );
        assert_eq!(
            Purpose::ALL.map(|s| s.as_str().to_string()).to_vec(),
            texts(&["reply", "welcome", "thanks", "holding", "followup", "sequence", "by_hand"])
        );
    }

    #[tokio::test]
    async fn a_text_no_variant_spells_is_a_decoding_error() {
        let (s, _d) = test_store().await;
        let r: Result<(OutboxState,), _> = sqlx::query_as("SELECT 'queued'")
            .fetch_one(s.reader())
            .await;
        let e = r.unwrap_err().to_string();
        assert!(e.contains("\"queued\" is not a OutboxState"), "{e}");
    }
}
