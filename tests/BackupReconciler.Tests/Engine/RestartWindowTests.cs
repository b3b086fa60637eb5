using BackupReconciler.Engine;
using BackupReconciler.Input;
using FsCheck;
using FsCheck.Fluent;

namespace BackupReconciler.Tests.Engine;

public sealed class RestartWindowTests
{
    private static readonly Gen<TimeOnly> Minutes = Gen.Choose(0, (24 * 60) - 1).Select(m => new TimeOnly(m / 60, m % 60));

    [Fact]
    public void EveryMomentIsInExactlyOneOfAWindowAndItsComplement()
    {
        var cases = from start in Minutes
                    from end in Minutes
                    where start != end
                    from time in Gen.Choose(0, (24 * 60 * 60) - 1).Select(s => new TimeOnly(s / 3600, s / 60 % 60, s % 60))
                    select (start, end, time);
        Check.One(Config.QuickThrowOnFailure.WithQuietOnSuccess(true).WithMaxTest(500), Prop.ForAll(Arb.From(cases), c =>
            new RestartWindow(c.start, c.end).Contains(c.time) != new RestartWindow(c.end, c.start).Contains(c.time)));
    }

    [Fact]
    public void AWindowAcrossMidnightHoldsTheLateEveningAndTheEarlyMorningButNotTheDay()
    {
        var window = RestartWindow.Parse("22:00-04:00");

        Assert.True(window.Contains(new TimeOnly(22, 0)));
        Assert.True(window.Contains(new TimeOnly(3, 59)));
        Assert.False(window.Contains(new TimeOnly(4, 0)));
        Assert.False(window.Contains(new TimeOnly(12, 0)));
        Assert.Equal("22:00-04:00", window.ToString());
    }

    [Theory]
    [InlineData("22-04")]
    [InlineData("22:00")]
    [InlineData("25:00-04:00")]
    [InlineData("04:00-04:00")]
    public void AWindowThatIsNotTwoDifferentTimesIsAUserErrorThatSaysHowToWriteIt(string text)
    {
        var error = Assert.Throws<InputException>(() => RestartWindow.Parse(text));

        Assert.Contains("HH:MM-HH:MM, such as 22:00-04:00", error.Message);
    }
}
