//! What the daemon learns about a fan over time and hands from the store to the agent: facts the
//! fan stated, and the ledger of past offers.

/// One fact about a fan (`kind` is `name`, `from`, `likes`, `work` or `declined`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fact {
    pub kind: &'static str,
    pub value: String,
}

/// Past offers to one fan, newest first.
#[derive(Clone, Debug, Default)]
pub struct Ledger {
    /// `(media_uuid, offered_at_ms, status)`.
    pub offers: Vec<(String, i64, String)>,
    /// A safety mark in force on the fan (its category), read with the ledger: a marked fan is
    /// never offered, whatever the rest of the agent decided.
    pub marked: Option<String>,
}

impl Ledger {
    pub fn bought(&self, media: &str) -> bool {
        self.offers
            .iter()
            .any(|o| o.0 == media && o.2 == "purchased")
    }
}
