using BackupReconciler.Baselines;
using BackupReconciler.Host;
using BackupReconciler.Input;
using BackupReconciler.Resources;
using Newtonsoft.Json.Linq;

namespace BackupReconciler.Engine.Journal;

/// <summary>
/// Turns a run's journal into a baseline that sets back what the run changed, newest change first,
/// to be run through the same engine (with what-if, journal and report of its own). Changes that
/// cannot be taken back, and values that changed again since the run (unless forced), fail with the reason.
/// </summary>
/// <param name="secrets">Told the host's value of every property the run set from a secret (journaled as "***"), before anything shows it.</param>
public sealed class UndoPlanner(ResourceCatalog catalog, SecretRedactor? secrets = null)
{
    public Baseline Plan(string journalPath, RunRecord run, bool force)
    {
        var steps = JournalSteps.Read(journalPath);

        // A change that was made (changed), partly made (failed) or interrupted may have touched the host;
        // undo checks each property anyway, so taking them all is safe.
        var declarations = Enumerable.Reverse(steps)
            .Select(step => Declaration(step.Before, run.RunId, force))
            .ToList();
        return new Baseline($"run {run.RunId}", $"restores what run {run.RunId} ({run.Command} {run.Baseline}) changed", journalPath, declarations, new Dictionary<string, ParameterDefinition>());
    }

    private ResourceDeclaration Declaration(JObject before, string runId, bool force)
    {
        var id = (string)before["resource"]!;
        var changes = JournalSteps.ChangesOf(before);
        var intended = changes
            .GroupBy(c => c.Property, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Desired, StringComparer.OrdinalIgnoreCase);
        var restarts = (before["restartServices"] as JArray ?? []).Select(s => (string)s!).ToList();
        var undo = UndoStep.FromJson(before["undo"]);
        // A change whose property cannot be read could not be checked for having moved since: refuse, never undo unguarded.
        IResource resource = changes.Count != (before["changes"] as JArray ?? []).Count
            ? new RefusedUndo((string)before["type"]!, "the journal's record of this change is damaged (a change without its property), so whether the value moved since cannot be checked; set it back by hand")
            : undo.IsPossible && Parse(undo, id) is { } inverse
            ? new UndoGuard(inverse, intended, force, runId, secrets ?? new SecretRedactor())
            : new RefusedUndo((string)before["type"]!, undo.Impossible ?? $"the recorded undo of \"{id}\" is not a valid {undo.Type} resource");
        return new ResourceDeclaration($"undo-{id}", resource, ResourceMode.Enforce, [], restarts, $"undo of run {runId}", null, SourceLocation.OfFile(id));
    }

    private IResource? Parse(UndoStep undo, string id)
    {
        if (!catalog.TryGet(undo.Type!, out var type))
        {
            return null;
        }

        try
        {
            return type.Parse(JsonObjectReader.ForObject(undo.Properties!, "journal", $"undo of \"{id}\""));
        }
        catch (InputException)
        {
            return null; // a previous value no baseline can state (a paused service, a protocol number)
        }
    }

    /// <summary>Runs the inverse only where the host still shows what the run set, unless forced.</summary>
    private sealed class UndoGuard(IResource inner, IReadOnlyDictionary<string, JToken?> intended, bool force, string runId, SecretRedactor secrets) : IResource
    {
        private bool _checked;

        public string TypeName => inner.TypeName;

        public IReadOnlyList<string> RestartsWhenChanged => inner.RestartsWhenChanged;

        public IReadOnlyList<string> FollowUpsWhenChanged => inner.FollowUpsWhenChanged;

        public Observation Observe(IHost host)
        {
            var observation = inner.Observe(host);
            foreach (var difference in observation.Differences.Where(d => intended.TryGetValue(d.Property, out var set) && IsMasked(set) && d.Actual is not null))
            {
                // The run set a secret here: what the host holds now is that secret.
                secrets.Add(difference.Actual!.SecretParts);
            }

            // Only the host as undo finds it: the read-back after the change is checked for convergence, not for having moved.
            if (!force && !_checked)
            {
                _checked = true;
                var moved = observation.Differences
                    .Where(d => intended.TryGetValue(d.Property, out var set) && !IsMasked(set) && !SameValue(d.Actual, set))
                    .Select(d => $"{d.Property} is {ValueText.Format(d.Actual)} now, the run set {ValueText.Format(intended[d.Property])}")
                    .ToList();
                if (moved.Count > 0)
                {
                    throw new ResourceRefusedException($"not undone: changed since run {runId}: {string.Join("; ", moved)}; undo would overwrite that (pass --force to undo anyway)");
                }
            }

            return observation;
        }

        /// <summary>A secret the run set was journaled as "***": what it was cannot be compared, so it does not count as moved.</summary>
        private static bool IsMasked(JToken? set) => set is not null && DifferenceValue.LeavesOf(set).Contains(SecretRedactor.Mask);

        /// <summary>The value the host holds now, and what the run set as the journal wrote it, read back as the same kind.</summary>
        private static bool SameValue(DifferenceValue? now, JToken? set) =>
            now is null || set is null ? now is null && set is null : now.IsSameValue(now.ReadBack(set));

        public void Apply(IHost host, Observation observation, IReadOnlyList<Difference> changes) => inner.Apply(host, observation, changes);

        public UndoStep UndoOf(Observation observation, IReadOnlyList<Difference> changes) => inner.UndoOf(observation, changes);
    }

    /// <summary>A change the journal says cannot be taken back: reported as not undoable, with the reason.</summary>
    private sealed class RefusedUndo(string type, string reason) : IResource, INotUndoable
    {
        public string TypeName => type;

        public string Reason => reason;

        public IReadOnlyList<string> RestartsWhenChanged => [];

        public IReadOnlyList<string> FollowUpsWhenChanged => [];

        public Observation Observe(IHost host) => throw new InvalidOperationException($"the engine never reads a change that cannot be undone: {reason}");

        public void Apply(IHost host, Observation observation, IReadOnlyList<Difference> changes)
        {
        }
    }
}
