//! `fanvue-agent drafts | approve <id> | reject <id>`: the human side of `approve` mode.

use super::{clock, json_line, one_line, short};
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
            let _ = writeln!(out, "{}", json_line(d));
            continue;
        }
        let offer = d
            .plan
            .price_cents
            .map(|p| {
                format!(
                    " + PPV {} at ${}.{:02}",
                    one_line(d.plan.offer_item.as_deref().unwrap_or("item")),
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
            one_line(&d.creator),
            one_line(short(&d.fan)),
            d.state,
            d.plan.purpose.as_str(),
            one_line(&d.plan.text)
        );
        if let Some(note) = &d.note {
            let _ = writeln!(out, "       note: {}", one_line(note));
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
