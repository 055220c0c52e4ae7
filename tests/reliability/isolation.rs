//! Isolation: two creators whose fans look alike (same names and handles, same kind of talk). What
//! a fan tells one creator never reaches the other creator's prompts, memory, chats or offers.

use crate::{common::*, report::Row, *};
use fanvue_agent::agent::llm::{Llm, LlmFuture, LlmRequest};
use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
    time::Duration,
};

/// Wraps the real LLM client and keeps every prompt.
struct Recording {
    inner: Arc<dyn Llm>,
    prompts: Mutex<Vec<String>>,
}

impl Llm for Recording {
    fn complete<'a>(&'a self, req: &'a LlmRequest) -> LlmFuture<'a> {
        let text: Vec<String> = req.messages.iter().map(|t| t.content.clone()).collect();
        self.prompts.lock().unwrap().push(text.join("\n"));
        self.inner.complete(req)
    }
}

const PLACES: [&str; 4] = ["Quokkaville", "Snorkelburg", "Wiggleton", "Zephyrford"];
const LIKES: [&str; 4] = ["marmalade", "trombones", "origami", "kayaking"];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_creators_with_look_alike_fans_share_nothing() {
    let mut a = args(2, 8);
    a.seed = 81;
    let app = spawn_app(a, |c| {
        scripted(c);
        c.offers.min_fan_messages = 1;
        c.offers.cooldown_secs = 0;
    })
    .await;
    let env = &app;
    let one = env.fans_of("creator1").await;
    let two = env.fans_of("creator2").await;
    // creator2's fans get the names and handles of creator1's fans.
    {
        let mut w = env.sandbox.world.lock();
        for (a, b) in one.iter().zip(&two) {
            let (ia, ib) = (w.fan_by_uuid[a], w.fan_by_uuid[b]);
            let (name, handle) = (w.fans[ia].display_name.clone(), w.fans[ia].handle.clone());
            w.fans[ib].display_name = name;
            w.fans[ib].handle = handle;
        }
    }
    let recording = Arc::new(Recording {
        inner: env.parts.llm(),
        prompts: Mutex::default(),
    });
    env.serve(recording.clone());
    // creator1's fans tell where they are from and what they like; creator2's fans ask for content.
    for (i, f) in one.iter().enumerate() {
        env.fan_says(
            f,
            &format!("hi! I'm from {} and I love {}", PLACES[i % 4], LIKES[i % 4]),
        )
        .await;
    }
    for f in &two {
        env.fan_says(
            f,
            "hi! I'm from Berlin, got anything new? show me something exclusive",
        )
        .await;
    }
    env.settle_all(Duration::from_secs(60)).await;
    for f in one.iter().chain(&two) {
        env.fan_says(f, "tell me what you remember about me").await;
    }
    env.settle_all(Duration::from_secs(60)).await;
    app.stop().await;

    let creators: HashMap<String, String> = {
        let w = env.sandbox.world.lock();
        w.fans
            .iter()
            .map(|f| (f.uuid.clone(), w.creators[f.creator].handle.clone()))
            .collect()
    };
    let names: Vec<String> = {
        let w = env.sandbox.world.lock();
        w.creators.iter().map(|c| c.display_name.clone()).collect()
    };
    // Prompts: each is about one creator; creator2's never hold what creator1's fans said.
    let prompts = recording.prompts.lock().unwrap().clone();
    let mut two_prompts = 0;
    for p in &prompts {
        let about_one = p.contains(&names[0]);
        let about_two = p.contains(&names[1]);
        assert!(
            about_one != about_two,
            "a prompt is about exactly one creator:\n{p}"
        );
        if about_two {
            two_prompts += 1;
            for secret in PLACES.iter().chain(&LIKES) {
                assert!(
                    !p.contains(secret),
                    "creator1's fan's `{secret}` in a creator2 prompt:\n{p}"
                );
            }
        }
    }
    assert!(
        two_prompts >= two.len(),
        "{two_prompts} prompts for creator2"
    );
    // Stored rows: every chat, message, memory, fact, outbox row and offer is filed under the
    // creator the fan wrote to, and creator2's rows hold none of creator1's fans' words.
    for table in [
        "chats",
        "messages",
        "fan_memory",
        "fan_facts",
        "outbox",
        "offers",
        "inbox",
        "decisions",
    ] {
        let rows: Vec<(Option<String>, Option<String>)> =
            sqlx::query_as(&format!("SELECT creator_handle, fan_uuid FROM {table}"))
                .fetch_all(env.parts.store.reader())
                .await
                .unwrap();
        for (c, f) in rows {
            let (Some(c), Some(f)) = (c, f) else { continue };
            assert_eq!(
                creators.get(&f),
                Some(&c),
                "{table}: fan {f} filed under {c}"
            );
        }
    }
    let leaked = env.count(&format!(
            "SELECT count(*) FROM (SELECT value AS t FROM fan_memory WHERE creator_handle = 'creator2'
               UNION ALL SELECT text FROM messages WHERE creator_handle = 'creator2')
             WHERE {}",
            PLACES
                .iter()
                .chain(&LIKES)
                .map(|s| format!("t LIKE '%{s}%'"))
                .collect::<Vec<_>>()
                .join(" OR ")
        ),
    )
    .await;
    assert_eq!(
        leaked, 0,
        "creator2's memory and messages hold nothing of creator1's fans"
    );
    let remembered = env
        .count("SELECT count(*) FROM fan_memory WHERE creator_handle = 'creator1'")
        .await;
    assert!(
        remembered >= one.len() as i64,
        "creator1 remembers its fans: {remembered}"
    );
    // Offers only of the creator's own media.
    let media: HashMap<String, String> = {
        let w = env.sandbox.world.lock();
        w.creators
            .iter()
            .flat_map(|c| c.media.iter().map(|m| (m.uuid.clone(), c.handle.clone())))
            .collect()
    };
    let offers: Vec<(String, String)> =
        sqlx::query_as("SELECT creator_handle, media_uuid FROM offers")
            .fetch_all(env.parts.store.reader())
            .await
            .unwrap();
    assert!(
        !offers.is_empty(),
        "creator2's fans asked for content and got offers"
    );
    for (c, m) in &offers {
        assert_eq!(media.get(m), Some(c), "offer of {m} by {c}");
    }
    Row::measure(env, "isolation: two creators, look-alike fans")
        .await
        .note(format!(
            "{} prompts, {} offers, 0 crossings in prompts, memory, messages, offers",
            prompts.len(),
            offers.len()
        ))
        .check_and_record();
}
