//! The per-creator API map: one [`CreatorApi`] per creator, made on first use and shared, so every
//! caller of a creator (agent, sender, poller) goes through the same limiter and the same
//! single-flight token refresh.

use super::CreatorApi;
use std::{collections::HashMap, sync::Mutex};

/// Makes a creator's API handle (the wiring decides how: managed tokens in the daemon).
type Make = Box<dyn Fn(&str) -> CreatorApi + Send + Sync>;

pub struct Apis {
    make: Make,
    map: Mutex<HashMap<String, CreatorApi>>,
}

impl Apis {
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
