//! Opaque global ids for GraphQL's `Node` interface: `base64url("Type:key")`. Clients must not
//! parse them; the server can tell the type and key apart.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};

/// Encodes a type name and key.
pub fn encode(type_name: &str, key: &str) -> String {
    URL_SAFE_NO_PAD.encode(format!("{type_name}:{key}"))
}

/// Decodes an id from [`encode`] into its type name and key.
pub fn decode(id: &str) -> Option<(String, String)> {
    let bytes = URL_SAFE_NO_PAD.decode(id).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    let (type_name, key) = text.split_once(':')?;
    (!type_name.is_empty() && !key.is_empty()).then(|| (type_name.to_owned(), key.to_owned()))
}

/// The uuid key of an id of `type_name` that the client gave in `field`; refused, naming
/// the field, when it is no such id.
pub fn uuid_of(field: &str, type_name: &str, id: &str) -> Result<uuid::Uuid, crate::InputError> {
    let invalid = || crate::InputError::new(field, format!("not a {type_name} id"));
    let (name, key) = decode(id).ok_or_else(invalid)?;
    if name != type_name {
        return Err(invalid());
    }
    uuid::Uuid::parse_str(&key).map_err(|_| invalid())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let id = encode("Tenant", "enschede");
        assert_eq!(decode(&id), Some(("Tenant".into(), "enschede".into())));
        assert_eq!(decode("not base64!"), None);
        assert_eq!(decode(&URL_SAFE_NO_PAD.encode("nocolon")), None);
    }
}
