//! Secrets at rest: AES-256-GCM with a random 96-bit nonce per value. The key comes from
//! `CASEBOOK_ENCRYPTION_KEY` (base64 of 32 bytes) or from a key file created beside the
//! database with mode 0600 on first start.

use aes_gcm::aead::{Aead, KeyInit};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::Engine;
use std::path::Path;

/// The env var holding the base64 key.
pub const KEY_ENV: &str = "CASEBOOK_ENCRYPTION_KEY";

/// Encrypts and decrypts secrets.
#[derive(Clone)]
pub struct SecretBox {
    cipher: Aes256Gcm,
}

impl std::fmt::Debug for SecretBox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretBox(..)")
    }
}

impl SecretBox {
    /// A box with a raw key.
    pub fn new(key: [u8; 32]) -> Self {
        Self {
            cipher: Aes256Gcm::new(&key.into()),
        }
    }

    /// The key from the env var, else from `key_file` (created with a random key if missing).
    pub fn load(env_value: Option<String>, key_file: &Path) -> Result<Self, String> {
        let b64 = base64::engine::general_purpose::STANDARD;
        if let Some(v) = env_value.filter(|v| !v.trim().is_empty()) {
            let raw = b64
                .decode(v.trim())
                .map_err(|e| format!("{KEY_ENV} is not base64: {e}"))?;
            let key: [u8; 32] = raw
                .try_into()
                .map_err(|_| format!("{KEY_ENV} must be 32 bytes (base64)"))?;
            return Ok(Self::new(key));
        }
        if let Ok(text) = std::fs::read_to_string(key_file) {
            let raw = b64
                .decode(text.trim())
                .map_err(|e| format!("{}: {e}", key_file.display()))?;
            let key: [u8; 32] = raw
                .try_into()
                .map_err(|_| format!("{}: not a 32-byte key", key_file.display()))?;
            return Ok(Self::new(key));
        }
        let key: [u8; 32] = rand::random();
        write_private(key_file, &b64.encode(key))?;
        Ok(Self::new(key))
    }

    /// Encrypts: nonce ‖ ciphertext.
    pub fn seal(&self, plaintext: &[u8]) -> Vec<u8> {
        let nonce: [u8; 12] = rand::random();
        let mut out = nonce.to_vec();
        out.extend(
            self.cipher
                .encrypt(Nonce::from_slice(&nonce), plaintext)
                .expect("AES-GCM encryption cannot fail"),
        );
        out
    }

    /// Decrypts what [`SecretBox::seal`] produced.
    pub fn open(&self, sealed: &[u8]) -> Option<Vec<u8>> {
        if sealed.len() < 12 {
            return None;
        }
        let (nonce, ct) = sealed.split_at(12);
        self.cipher.decrypt(Nonce::from_slice(nonce), ct).ok()
    }
}

#[cfg(unix)]
fn write_private(path: &Path, text: &str) -> Result<(), String> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| format!("cannot create key file {}: {e}", path.display()))?;
    f.write_all(text.as_bytes())
        .map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(not(unix))]
fn write_private(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seal_open_and_tamper() {
        let b = SecretBox::new([7; 32]);
        let s = b.seal(b"token");
        assert_ne!(&s[12..], b"token");
        assert_eq!(b.open(&s).as_deref(), Some(&b"token"[..]));
        let mut bad = s.clone();
        bad[13] ^= 1;
        assert_eq!(b.open(&bad), None);
        assert_eq!(SecretBox::new([8; 32]).open(&s), None);
    }

    #[test]
    fn key_file_is_created_private_and_reused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k");
        let a = SecretBox::load(None, &path).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
                0o600
            );
        }
        let b = SecretBox::load(None, &path).unwrap();
        assert_eq!(b.open(&a.seal(b"x")).as_deref(), Some(&b"x"[..]));
    }
}
