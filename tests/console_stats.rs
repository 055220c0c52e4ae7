//! The console's Stats page over HTTP against the real daemon and the sandbox's fans: charts and
//! money tables for an operator, only their own creator for a creator user (another creator's
//! stats answer 404), every label escaped.

mod common;

use common::*;
use reqwest::StatusCode;
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_stats_page_charts_money_per_creator_and_a_creator_user_sees_only_their_own() {
    let mut a = talking_fans(2, 8, 31);
    a.max_turns = 4;
    a.rate_limit = 1000;
    let app = spawn_app(a, |c| {
        scripted_config(c);
        console_on(c);
        c.fanvue.rate_limit_per_minute = 1000;
        c.offers.min_fan_messages = 1;
        c.offers.cooldown_secs = 2;
    })
    .await;
    app.serve(app.parts.llm());
    app.wait_until_idle(Duration::from_secs(180)).await;
    // An item name is the creator's text: it could hold markup.
    sqlx::query("UPDATE offers SET item_name = '<script>alert(1)</script>' WHERE id = (SELECT min(id) FROM offers)")
        .execute(app.parts.store.writer())
        .await
        .unwrap();

    let ops = app.console_user("olga", None).await;
    let page = ops.html("/stats?since=24h").await;
    for part in [
        "Money per creator",
        "Replies per hour",
        "Time to reply",
        "Revenue per item",
        "Escalations by rule",
        "LLM tokens per hour",
        "creator1",
        "creator2",
        "<svg",
    ] {
        assert!(page.contains(part), "the page shows {part}");
    }
    assert!(
        !page.contains("<script>alert"),
        "markup in an item name renders inert"
    );
    assert!(
        page.contains("&lt;script&gt;alert(1)"),
        "and is shown escaped"
    );
    let replies: i64 = sqlx::query_scalar(
        "SELECT count(DISTINCT outbox_id) FROM decisions WHERE creator_handle = 'creator1'
         AND outcome IN ('replied', 'offered')",
    )
    .fetch_one(app.parts.store.reader())
    .await
    .unwrap();
    let own = ops.html("/stats?creator=creator1").await;
    assert!(
        own.contains(&format!("<td>creator1</td><td>{replies}</td>")),
        "the page counts creator1's {replies} replies"
    );

    let cara = app.console_user("cara", Some("creator1")).await;
    let mine = cara.html("/stats").await;
    assert!(mine.contains("<td>creator1</td>") && !mine.contains("<td>creator2</td>"));
    let (status, _) = cara.page("/stats?creator=creator2").await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "another creator's stats do not exist"
    );
    let anon = app.console_anonymous().get("/stats").await;
    assert_eq!(
        anon.status(),
        StatusCode::SEE_OTHER,
        "no session: to the login page"
    );
    app.stop().await;
}
