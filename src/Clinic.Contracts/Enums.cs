namespace Clinic.Contracts;

public enum Language { Ru, Kk, En }

public enum Sex { Male, Female }

/// <summary>FHIR Appointment status vocabulary (the subset the clinic uses).</summary>
public enum AppointmentStatus { Pending, Booked, Arrived, Fulfilled, Cancelled, Noshow }

public enum AppointmentScope { Upcoming, Past }

public enum CancelledBy { Patient, Clinic, System }
