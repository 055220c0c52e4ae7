//! The per-creator API map: one [`CreatorApi`] per creator, shared by every caller of that creator.

use super::CreatorApi;
use std::collections::HashMap;
use std::sync::Mutex;

/// Builds a creator's API handle (its limiter, its token manager) on first use.
type MakeApi = Box<dyn Fn(&str) -> CreatorApi + Send + Sync>;

/// One [`CreatorApi`] per creator, made on first use and shared, so every caller of a creator
/// (agent, sender, poller) goes through the same limiter and the same single-flight token refresh.
pub struct Apis {
    make: MakeApi,
    map: Mutex<HashMap<String, CreatorApi>>,
}

impl Apis {
    /// `make` is called once per creator, the first time that creator is asked for.
    pub fn new(make: impl Fn(&str) -> CreatorApi + Send + Sync + 'static) -> Apis {
        Apis {
            make: Box::new(make),
            map: Default::default(),
        }
    }

    pub fn get(&self, handle: &str) -> CreatorApi {
        let mut map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        map.entry(handle.to_string())
            .or_insert_with(|| (self.make)(handle))
            .clone()
    }
}
