using BackupReconciler.Input;

namespace BackupReconciler.Tests.Input;

public sealed class NameSetTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(200)]
    public void ItHoldsEveryNameAddedOnceAndNoOtherOnEitherSideOfItsArrayLimit(int count)
    {
        var names = Enumerable.Range(0, count).Select(i => $"n{i}").ToList();
        var set = new NameSet();

        foreach (var name in names.Concat(names))
        {
            set.Add(name);
        }

        Assert.Equal(count, set.Count);
        Assert.Equal(names.Order(StringComparer.Ordinal), set.Order(StringComparer.Ordinal));
        Assert.All(names, name => Assert.True(set.Contains(name)));
        Assert.False(set.Contains("N0")); // member names are case-sensitive, as in JSON
        Assert.False(set.Contains($"n{count}"));
    }
}
