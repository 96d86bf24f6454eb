namespace Coordination.Agencies.Contracts.Seals;

/// <summary>
/// A hub's public seal key, published on the log's seal-keys stream the first time a hub starts with it. Keys are
/// never withdrawn: after a rotation the old key stays published, so the seals it signed still verify.
/// </summary>
/// <param name="KeyId">The first 16 lower-case hex digits of the SHA-256 of the key's SubjectPublicKeyInfo (DER).</param>
/// <param name="PublicKeyPem">The public key as PEM (<c>-----BEGIN PUBLIC KEY-----</c>), ECDSA P-256.</param>
/// <param name="PublishedAt">When it was first published (UTC).</param>
public sealed record SealKeyPublished(string KeyId, string PublicKeyPem, DateTimeOffset PublishedAt);

/// <summary>The hub's seal keys (GET /api/log/seal-keys): every key that ever signed a seal, oldest first.</summary>
/// <param name="CurrentKeyId">The key this hub signs with now.</param>
/// <param name="Keys">Every published key, oldest first.</param>
public sealed record SealKeysResponse(string CurrentKeyId, IReadOnlyList<SealKeyPublished> Keys);
