//! `fanvue-agent drafts | approve <id> | reject <id>`: the human side of `approve` mode.

use super::{clock, one_line, short};
use crate::store::{Store, StoreError};
use std::io::Write;

/// Lists drafts (newest first): those awaiting approval unless `all`.
pub async fn list(
    store: &Store,
    creator: Option<&str>,
    all: bool,
    json: bool,
    out: &mut dyn Write,
) -> Result<usize, StoreError> {
    let drafts = store
        .drafts(creator, (!all).then_some("awaiting"), 200)
        .await?;
    for d in &drafts {
        if json {
            let _ = writeln!(out, "{}", serde_json::to_string(d).unwrap_or_default());
            continue;
        }
        let offer = d
            .plan
            .price_cents
            .map(|p| {
                format!(
                    " + PPV {} at ${}.{:02}",
                    d.plan.offer_item.as_deref().unwrap_or("item"),
                    p / 100,
                    p % 100
                )
            })
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{:>6} {} {} ← fan {} [{}] {}: {}{offer}",
            d.id,
            clock(d.created_at),
            d.creator,
            short(&d.fan),
            d.state,
            d.plan.purpose.as_str(),
            one_line(&d.plan.text)
        );
        if let Some(note) = &d.note {
            let _ = writeln!(out, "       note: {note}");
        }
    }
    if drafts.is_empty() && !json {
        let _ = writeln!(
            out,
            "no drafts{}",
            if all { "" } else { " awaiting approval" }
        );
    }
    Ok(drafts.len())
}
