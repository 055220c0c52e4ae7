//! Encryption of OAuth tokens at rest (AES-256-GCM, random nonce, the row's identity as associated data),
//! and console passwords and session tokens ([`password`]).

pub mod password;

use aes_gcm::{
    aead::{Aead, KeyInit, Payload},
    Aes256Gcm, Nonce,
};
use base64::{engine::general_purpose::STANDARD as B64, Engine};
use rand::RngCore;

const NONCE_LEN: usize = 12;
const VERSION: u8 = 1;

#[derive(Debug, thiserror::Error)]
pub enum CryptoError {
    #[error("the token key must be base64 of exactly 32 bytes (generate one with `fanvue-agent gen-key`)")]
    BadKey,
    #[error(
        "stored ciphertext could not be decrypted: wrong token key, or the row was tampered with"
    )]
    Decrypt,
}

/// Encrypts and decrypts token strings. `Debug` shows nothing of the key.
#[derive(Clone)]
pub struct TokenCipher {
    cipher: Aes256Gcm,
}

impl std::fmt::Debug for TokenCipher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TokenCipher([redacted])")
    }
}

impl TokenCipher {
    pub fn from_base64(key_b64: &str) -> Result<Self, CryptoError> {
        let key = B64
            .decode(key_b64.trim())
            .map_err(|_| CryptoError::BadKey)?;
        if key.len() != 32 {
            return Err(CryptoError::BadKey);
        }
        Ok(Self {
            cipher: Aes256Gcm::new_from_slice(&key).map_err(|_| CryptoError::BadKey)?,
        })
    }

    /// A fresh random key, base64-encoded.
    pub fn generate_key() -> String {
        let mut k = [0u8; 32];
        rand::thread_rng().fill_bytes(&mut k);
        B64.encode(k)
    }

    /// `context` binds the ciphertext to its row (e.g. `"refresh:alice"`), so a ciphertext copied
    /// into another creator's row does not decrypt.
    pub fn encrypt(&self, plaintext: &str, context: &str) -> Vec<u8> {
        let mut nonce = [0u8; NONCE_LEN];
        rand::thread_rng().fill_bytes(&mut nonce);
        let ct = self
            .cipher
            .encrypt(
                Nonce::from_slice(&nonce),
                Payload {
                    msg: plaintext.as_bytes(),
                    aad: context.as_bytes(),
                },
            )
            .expect("AES-GCM encryption of an in-memory buffer cannot fail");
        let mut out = Vec::with_capacity(1 + NONCE_LEN + ct.len());
        out.push(VERSION);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&ct);
        out
    }

    pub fn decrypt(&self, blob: &[u8], context: &str) -> Result<String, CryptoError> {
        if blob.len() < 1 + NONCE_LEN + 16 || blob[0] != VERSION {
            return Err(CryptoError::Decrypt);
        }
        let (nonce, ct) = blob[1..].split_at(NONCE_LEN);
        let pt = self
            .cipher
            .decrypt(
                Nonce::from_slice(nonce),
                Payload {
                    msg: ct,
                    aad: context.as_bytes(),
                },
            )
            .map_err(|_| CryptoError::Decrypt)?;
        String::from_utf8(pt).map_err(|_| CryptoError::Decrypt)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cipher() -> TokenCipher {
        TokenCipher::from_base64(&TokenCipher::generate_key()).unwrap()
    }

    #[test]
    fn round_trips_and_hides_the_plaintext() {
        let c = cipher();
        let blob = c.encrypt("refresh-token-value", "refresh:alice");
        assert!(
            !blob.windows(7).any(|w| w == b"refresh"),
            "plaintext visible in ciphertext"
        );
        assert_eq!(
            c.decrypt(&blob, "refresh:alice").unwrap(),
            "refresh-token-value"
        );
    }

    #[test]
    fn a_ciphertext_moved_to_another_row_or_key_does_not_decrypt() {
        let c = cipher();
        let blob = c.encrypt("tok", "refresh:alice");
        assert!(c.decrypt(&blob, "refresh:bob").is_err());
        assert!(cipher().decrypt(&blob, "refresh:alice").is_err());
        let mut tampered = blob.clone();
        *tampered.last_mut().unwrap() ^= 1;
        assert!(c.decrypt(&tampered, "refresh:alice").is_err());
        assert!(c.decrypt(&blob[..10], "refresh:alice").is_err());
    }

    #[test]
    fn keys_of_the_wrong_length_are_refused() {
        assert!(TokenCipher::from_base64("c2hvcnQ=").is_err());
        assert!(TokenCipher::from_base64("not base64!").is_err());
    }
}
