//! The sandbox's webhook signer, written from Fanvue's documented format and nothing else:
//! `X-Fanvue-Signature: t=<unix seconds>,v0=<lowercase hex HMAC-SHA256(secret, "{t}.{raw body}")>`.
//!
//! It shares no code with fanvue-agent's verifier (a different HMAC implementation, ring's, and its
//! own encoding), so the product's webhook tests against the sandbox check two independent
//! implementations of the format against each other.

use ring::hmac;
use std::fmt::Write;

/// The `X-Fanvue-Signature` value for `body` sent at unix second `t`.
pub fn header_value(secret: &str, t: i64, body: &[u8]) -> String {
    let key = hmac::Key::new(hmac::HMAC_SHA256, secret.as_bytes());
    let mut signed = format!("{t}.").into_bytes();
    signed.extend_from_slice(body);
    let tag = hmac::sign(&key, &signed);
    let mut out = format!("t={t},v0=");
    for byte in tag.as_ref() {
        write!(out, "{byte:02x}").expect("writing to a String cannot fail");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::header_value;

    #[test]
    fn the_signature_matches_the_documented_test_vector() {
        // The documented test vector (FACTS.md, computed with an independent HMAC implementation).
        let body = br#"{"type":"message.received","data":{"messageUuid":"9b2f6a52-3c1e-4a8e-9a55-2f1d3d1c0b7e","text":"hi"}}"#;
        assert_eq!(
            header_value("fv_test_signing_secret_123", 1_700_000_000, body),
            "t=1700000000,v0=12a25ebb2523b35719b774b282916a885a4c03afe82f9e703b7db1544bfefc39"
        );
    }

    #[test]
    fn the_signature_covers_the_timestamp_the_body_and_the_secret() {
        let base = header_value("secret", 1_700_000_000, b"{}");
        assert_ne!(base, header_value("secret", 1_700_000_001, b"{}"));
        assert_ne!(base, header_value("secret", 1_700_000_000, b"{ }"));
        assert_ne!(base, header_value("secret2", 1_700_000_000, b"{}"));
        let hex = base.strip_prefix("t=1700000000,v0=").unwrap();
        assert_eq!(hex.len(), 64);
        assert!(hex
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)));
    }
}
