//! Time helpers every layer shares: wall-clock Unix milliseconds and RFC 3339 parsing.

/// Unix ms of an RFC 3339 timestamp.
pub fn parse_ms(s: &str) -> Option<i64> {
    time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339)
        .ok()
        .map(|t| (t.unix_timestamp_nanos() / 1_000_000) as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_rfc3339_timestamp_parses_to_unix_milliseconds_and_anything_else_to_none() {
        assert_eq!(parse_ms("1970-01-01T00:00:01.500Z"), Some(1500));
        assert_eq!(
            parse_ms("2024-01-01T01:00:00+01:00"),
            Some(1_704_067_200_000)
        );
        assert_eq!(parse_ms("yesterday"), None);
    }
}
