using System.Globalization;

namespace AgencySubscriber;

/// <summary>
/// The position of the last entry handled, kept in a file: an entry at or below it is a repeat (after a restart of the
/// hub or the broker) and is dropped.
/// </summary>
internal sealed class LastPosition(string path)
{
    private long _position = File.Exists(path) ? long.Parse(File.ReadAllText(path).Trim(), CultureInfo.InvariantCulture) : 0;

    public long Value => _position;

    /// <summary>True for an entry not handled yet.</summary>
    public bool IsNew(long position) => position > _position;

    /// <summary>Saved after the entry was handled, so a crash in between handles it again rather than never.</summary>
    public void Save(long position)
    {
        _position = position;
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, position.ToString(CultureInfo.InvariantCulture));
        File.Move(temporary, path, overwrite: true);
    }
}
