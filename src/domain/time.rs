//! Time helpers every layer shares: the clock in unix milliseconds and RFC 3339 both ways.

/// Unix milliseconds now.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// Unix seconds now.
pub fn now_secs() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// Unix ms of an RFC 3339 timestamp.
pub fn parse_ms(s: &str) -> Option<i64> {
    time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339)
        .ok()
        .map(|t| (t.unix_timestamp_nanos() / 1_000_000) as i64)
}

/// RFC 3339 with milliseconds, UTC, for a unix-ms instant.
pub fn rfc3339_ms(ms: i64) -> String {
    let t = time::OffsetDateTime::from_unix_timestamp_nanos(ms as i128 * 1_000_000)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    t.format(&time::macros::format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z"
    ))
    .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_instant_formatted_and_parsed_back_is_the_same_millisecond() {
        let ms = 1_764_547_200_123;
        assert_eq!(rfc3339_ms(ms), "2025-12-01T00:00:00.123Z");
        assert_eq!(parse_ms(&rfc3339_ms(ms)), Some(ms));
    }

    #[test]
    fn an_offset_timestamp_is_read_as_its_utc_instant_and_garbage_as_none() {
        assert_eq!(
            parse_ms("2025-12-01T01:00:00+01:00"),
            parse_ms("2025-12-01T00:00:00Z")
        );
        assert_eq!(parse_ms("yesterday"), None);
    }
}
