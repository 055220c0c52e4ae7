//! Active hours: when the AI answers a creator's fans, in the creator's own time zone (IANA names
//! through `jiff`, so daylight-saving changes move the window with the wall clock). Outside the
//! window a fan's messages are left to a human (escalated, so the operator is notified) or
//! answered by another persona, per config. The same time zone places the quiet hours of
//! sequences.

use jiff::{civil::Weekday, tz::TimeZone, Timestamp};
use serde::{Deserialize, Serialize};

/// What happens to a fan message outside the active hours.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutsideHours {
    /// Left for a human: the message is escalated (and notified), never answered by the AI.
    #[default]
    Human,
    /// Answered by `outside_persona` instead of the creator's usual persona.
    Persona,
}

/// `[active_hours]` (global) or `[creators.<h>.active_hours]` (replaces the global one).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ActiveHoursConfig {
    /// Off: the AI answers around the clock.
    pub enabled: bool,
    /// An IANA time zone name, e.g. "Europe/London" or "America/New_York".
    pub time_zone: String,
    /// The days the window opens on (mon, tue, wed, thu, fri, sat, sun); a window past midnight
    /// belongs to the day it opens.
    pub days: Vec<String>,
    /// "HH:MM" local time the window opens, and closes (an end before the start runs past
    /// midnight; equal: all day).
    pub start: String,
    pub end: String,
    /// `human` or `persona`.
    pub outside: OutsideHours,
    /// The persona folder that answers outside the window when `outside = "persona"`.
    pub outside_persona: String,
}

impl Default for ActiveHoursConfig {
    fn default() -> Self {
        ActiveHoursConfig {
            enabled: false,
            time_zone: "UTC".into(),
            days: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
                .map(String::from)
                .to_vec(),
            start: "09:00".into(),
            end: "23:00".into(),
            outside: OutsideHours::Human,
            outside_persona: String::new(),
        }
    }
}

/// A creator's resolved active hours.
#[derive(Clone, Debug, PartialEq)]
pub struct ActiveHours {
    pub enabled: bool,
    pub tz: TimeZone,
    /// Bit `n` set: the window opens on the weekday numbered `n` from Monday (0).
    days: u8,
    /// Minutes after local midnight.
    start: u32,
    end: u32,
    pub outside: OutsideHours,
    pub outside_persona: String,
}

impl Default for ActiveHours {
    fn default() -> Self {
        ActiveHours::parse(&ActiveHoursConfig::default()).expect("the defaults parse")
    }
}

impl ActiveHours {
    /// The schedule `c` describes, or what is wrong with it.
    pub fn parse(c: &ActiveHoursConfig) -> Result<ActiveHours, String> {
        let tz = TimeZone::get(&c.time_zone)
            .map_err(|_| format!("`{}` is not a known IANA time zone", c.time_zone))?;
        let mut days = 0u8;
        for d in &c.days {
            days |= 1 << day_number(d).ok_or_else(|| format!("`{d}` is not a day (mon..sun)"))?;
        }
        if c.outside == OutsideHours::Persona && c.outside_persona.trim().is_empty() {
            return Err("outside = \"persona\" needs outside_persona".into());
        }
        Ok(ActiveHours {
            enabled: c.enabled,
            tz,
            days,
            start: minutes(&c.start)?,
            end: minutes(&c.end)?,
            outside: c.outside,
            outside_persona: c.outside_persona.clone(),
        })
    }

    /// Whether the AI answers at `at` (always, when active hours are off).
    pub fn on_duty(&self, at: Timestamp) -> bool {
        if !self.enabled {
            return true;
        }
        let local = self.tz.to_datetime(at);
        let now = u32::from(local.hour() as u8) * 60 + u32::from(local.minute() as u8);
        let today = weekday_bit(local.weekday());
        let yesterday = weekday_bit(local.weekday().previous());
        let opens = |bit: u8| self.days & bit != 0;
        match self.start.cmp(&self.end) {
            std::cmp::Ordering::Equal => opens(today),
            std::cmp::Ordering::Less => opens(today) && (self.start..self.end).contains(&now),
            // Past midnight: the evening part belongs to today, the early hours to yesterday.
            std::cmp::Ordering::Greater => {
                (opens(today) && now >= self.start) || (opens(yesterday) && now < self.end)
            }
        }
    }

    /// The local hour (0..23) at `at` in this schedule's time zone.
    pub fn local_hour(&self, at: Timestamp) -> u32 {
        self.tz.to_datetime(at).hour() as u32
    }
}

fn day_number(d: &str) -> Option<u8> {
    let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    days.iter()
        .position(|x| x.eq_ignore_ascii_case(d.trim()))
        .map(|i| i as u8)
}

fn weekday_bit(w: Weekday) -> u8 {
    1 << (w.to_monday_zero_offset() as u8)
}

/// Minutes after midnight of "HH:MM".
fn minutes(hhmm: &str) -> Result<u32, String> {
    let bad = || format!("`{hhmm}` is not a time of day (HH:MM)");
    let (h, m) = hhmm.trim().split_once(':').ok_or_else(bad)?;
    let (h, m): (u32, u32) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    if h > 23 || m > 59 {
        return Err(bad());
    }
    Ok(h * 60 + m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hours(tz: &str, days: &[&str], start: &str, end: &str) -> ActiveHours {
        ActiveHours::parse(&ActiveHoursConfig {
            enabled: true,
            time_zone: tz.into(),
            days: days.iter().map(|d| d.to_string()).collect(),
            start: start.into(),
            end: end.into(),
            ..Default::default()
        })
        .unwrap()
    }

    fn at(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn the_window_follows_the_local_wall_clock_across_the_spring_dst_change() {
        // London moves to BST (UTC+1) at 01:00 UTC on Sunday 29 March 2026.
        let h = hours("Europe/London", &["sat", "sun"], "09:00", "17:00");
        assert!(!h.on_duty(at("2026-03-28T08:30:00Z")), "08:30 GMT: closed");
        assert!(h.on_duty(at("2026-03-29T08:30:00Z")), "09:30 BST: open");
        assert!(h.on_duty(at("2026-03-28T16:30:00Z")), "16:30 GMT: open");
        assert!(!h.on_duty(at("2026-03-29T16:30:00Z")), "17:30 BST: closed");
    }

    #[test]
    fn the_window_follows_the_local_wall_clock_across_the_autumn_dst_change() {
        // New York returns to EST (UTC-5) at 06:00 UTC on Sunday 1 November 2026.
        let h = hours("America/New_York", &["sun"], "08:00", "12:00");
        assert!(!h.on_duty(at("2026-11-01T12:30:00Z")), "07:30 EST: closed");
        assert!(h.on_duty(at("2026-11-01T13:30:00Z")), "08:30 EST: open");
    }

    #[test]
    fn a_window_past_midnight_belongs_to_the_day_it_opens() {
        let h = hours("UTC", &["fri"], "22:00", "04:00");
        assert!(h.on_duty(at("2026-12-04T23:00:00Z")), "Friday 23:00");
        assert!(
            h.on_duty(at("2026-12-05T03:59:00Z")),
            "Saturday 03:59, Friday's night"
        );
        assert!(!h.on_duty(at("2026-12-05T22:30:00Z")), "Saturday evening");
        assert!(
            !h.on_duty(at("2026-12-04T03:00:00Z")),
            "Friday 03:00 is Thursday's night"
        );
    }

    #[test]
    fn active_hours_off_means_always_on_duty() {
        let mut h = hours("UTC", &["mon"], "09:00", "10:00");
        h.enabled = false;
        assert!(h.on_duty(at("2026-12-06T03:00:00Z")));
    }

    #[test]
    fn bad_zones_days_times_and_a_missing_persona_are_refused_with_what_is_wrong() {
        let c = |f: fn(&mut ActiveHoursConfig)| {
            let mut c = ActiveHoursConfig::default();
            f(&mut c);
            ActiveHours::parse(&c).unwrap_err()
        };
        assert!(c(|c| c.time_zone = "Mars/Olympus".into()).contains("time zone"));
        assert!(c(|c| c.days = vec!["funday".into()]).contains("funday"));
        assert!(c(|c| c.start = "25:00".into()).contains("HH:MM"));
        assert!(c(|c| c.outside = OutsideHours::Persona).contains("outside_persona"));
    }
}
