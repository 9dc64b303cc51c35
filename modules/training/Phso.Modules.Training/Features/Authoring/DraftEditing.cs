using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Persistence;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Persistence;

namespace Phso.Modules.Training.Features.Authoring;

// Writing a course on its page: start a draft from the published version, change its details, edit or add lessons.
// The quiz, completion rules and images come with a package (see the module README). Every change is to the draft;
// learners see it only when it is published, and those part-way through keep the version they started.

/// <summary>What editing a draft on the course page needs: the course, checked against the version the page read, and its draft.</summary>
internal sealed class DraftEditing(TrainingDbContext db)
{
    public static CourseContent DraftOf(Course course) =>
        course.Draft?.Content ?? throw new RuleViolationException("There is no draft to change: start one from the published version first.");

    public async Task<Course> FindAsync(Guid id, int version, CancellationToken cancellationToken)
    {
        var course = await db.Courses.Include(c => c.Versions).SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException("There is no such course.");
        db.ExpectVersion(course, version);

        // The content lives in the version rows: mark the course changed too, so that its version number moves on and an
        // edit made from a page read before someone else's edit is refused rather than silently overwriting it.
        db.Entry(course).Property(c => c.Version).IsModified = true;
        return course;
    }
}
